import type { RunSummary } from '../run-summary.js';

/** One watch batch, as its log line reports it (snake_case: the `--json` field names). */
export interface BatchRecord {
  event: 'batch';
  batch: number;
  batch_id: string;
  started_at: string;
  /** The landing files the batch was given, in name order. */
  files: string[];
  /** Those it ingested now; the others were ingested before (by a run or an earlier watcher). */
  files_ingested: string[];
  rows_in: number;
  rows_loaded: number;
  rows_quarantined: number;
  quarantined_by_reason: Record<string, number>;
  /** Rows that silver or gold refused (in their layer's quarantine). */
  refused_after_bronze: number;
  /** Tables with a new Delta version, `lakehouse.dbo.name`. */
  tables_changed: string[];
  expectation_errors: number;
  alerts_fired: number;
  duration_ms: number;
  /** From the batch's start to its last data commit (before expectations and alerts): its rows are queryable then. */
  committed_ms: number;
  /**
   * From the batch's start to the commit of clinician_emr_sessions: its EMR events' sessions are
   * queryable then (the hospital tables may still be rebuilding). Null when the sessions did
   * not change.
   */
  sessions_ms: number | null;
  /**
   * From the batch's start to the commit of gold_healthcare_ed_metrics: its ED arrivals are on
   * the ED page then. Null when the ED metrics did not change.
   */
  ed_metrics_ms: number | null;
  /** Set when this batch ran between the hospital steps of batch `within` (its EMR files arrived meanwhile). */
  within?: number;
}

/**
 * The log record of a finished batch, from its run summary and the table versions before it:
 * rows in = loaded + quarantined over the files it ingested, the tables it changed. Pure.
 *
 * @example
 * describeBatch({ batch: 1, batchId, startedAt, files, summary, before, errors: 0, alertsFired: 0, ms: 812 });
 */
export function describeBatch(input: {
  batch: number;
  batchId: string;
  startedAt: Date;
  files: readonly string[];
  summary: RunSummary;
  before: ReadonlyMap<string, number>;
  errors: number;
  alertsFired: number;
  ms: number;
  committedMs: number;
  /** From the batch's start to the end of the sessions step, if it ran. */
  sessionsMs?: number;
  /** From the batch's start to the end of the ED metrics step, if it ran. */
  edMetricsMs?: number;
  within?: number;
}): BatchRecord {
  const ingested = input.summary.files.filter((f) => f.status === 'ingested');
  const byReason: Record<string, number> = {};
  for (const f of ingested)
    for (const [reason, n] of Object.entries(f.quarantined)) byReason[reason] = (byReason[reason] ?? 0) + n;
  const quarantined = Object.values(byReason).reduce((a, b) => a + b, 0);
  const changed = input.summary.tables
    .filter((t) => input.before.get(t.table) !== t.version)
    .map((t) => t.table);
  return {
    event: 'batch',
    batch: input.batch,
    batch_id: input.batchId,
    started_at: input.startedAt.toISOString(),
    files: [...input.files].sort(),
    files_ingested: ingested.map((f) => f.file).sort(),
    rows_in: ingested.reduce((n, f) => n + f.rowsIn, 0),
    rows_loaded: ingested.reduce((n, f) => n + f.loaded, 0),
    rows_quarantined: quarantined,
    quarantined_by_reason: byReason,
    refused_after_bronze: input.summary.rejected.reduce((n, r) => n + r.rows, 0),
    tables_changed: changed,
    expectation_errors: input.errors,
    alerts_fired: input.alertsFired,
    duration_ms: Math.round(input.ms),
    committed_ms: Math.round(input.committedMs),
    sessions_ms:
      input.sessionsMs !== undefined && changed.includes('lh_gold.dbo.clinician_emr_sessions')
        ? Math.round(input.sessionsMs)
        : null,
    ed_metrics_ms:
      input.edMetricsMs !== undefined && changed.includes('lh_gold.dbo.gold_healthcare_ed_metrics')
        ? Math.round(input.edMetricsMs)
        : null,
    ...(input.within === undefined ? {} : { within: input.within }),
  };
}

/**
 * A batch record as one line of text for people (the `--json` form is the record itself).
 *
 * @example
 * formatBatchRecord(record); // 'batch 3: 1 file (emr_events_7.csv), rows in 10000 = 9990 loaded + 10 quarantined, …'
 */
export function formatBatchRecord(r: BatchRecord): string {
  const reasons = Object.entries(r.quarantined_by_reason)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const skipped = r.files.length - r.files_ingested.length;
  const files =
    r.files.length === 0
      ? 'no new file'
      : `${r.files.length} file${r.files.length === 1 ? '' : 's'} (${r.files.join(', ')})${skipped > 0 ? `, ${skipped} already ingested` : ''}`;
  return [
    `batch ${r.batch}${r.within === undefined ? '' : ` (during batch ${r.within})`}: ${files}`,
    `rows in ${r.rows_in} = ${r.rows_loaded} loaded + ${r.rows_quarantined} quarantined${reasons ? ` (${reasons})` : ''}`,
    ...(r.refused_after_bronze > 0 ? [`${r.refused_after_bronze} refused after bronze`] : []),
    `${r.tables_changed.length} table${r.tables_changed.length === 1 ? '' : 's'} changed${r.tables_changed.length ? ` (${r.tables_changed.map((t) => t.split('.').pop()).join(', ')})` : ''}`,
    ...(r.expectation_errors > 0 ? [`${r.expectation_errors} error-level expectation(s) failed`] : []),
    ...(r.alerts_fired > 0 ? [`${r.alerts_fired} alert(s) fired`] : []),
    `${r.duration_ms} ms`,
  ].join(', ');
}
