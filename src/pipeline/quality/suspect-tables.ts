import type { RunSummary } from '../run-summary.js';

/** A table whose error-level expectations fail, and the run that rebuilds it. */
export interface SuspectTable {
  table: string;
  failures: { column: string; rule: string; failures: number }[];
  repair: string;
}

/** The sessionization pipeline's tables; every other pipeline table is the hospital pipeline's. */
const SESSIONS_TABLES = new Set([
  'lh_bronze.dbo.bronze_clinicians',
  'lh_bronze.dbo.bronze_clinician_roles',
  'lh_bronze.dbo.bronze_emr_events',
  'lh_silver.dbo.clinician_dim',
  'lh_silver.dbo.emr_events',
  'lh_gold.dbo.clinician_emr_sessions',
  'lh_gold.dbo.gold_clinician_session_summary',
]);

/**
 * What repairs `table`: incremental runs recompute only what new input touched, so a table
 * that is wrong for another reason (a run that crashed or raced before the lake lock existed,
 * a hand edit) needs its pipeline rebuilt from bronze. Bronze keeps deliveries as they came:
 * the fix is a corrected landing file. Pure.
 *
 * @example
 * repairCommand('lh_gold.dbo.clinician_emr_sessions'); // 'carelake run sessions --full-refresh'
 */
export function repairCommand(table: string): string {
  if (table.startsWith('lh_bronze.'))
    return 'deliver a corrected landing file (bronze keeps every delivery as it came)';
  return `carelake run ${SESSIONS_TABLES.has(table) ? 'sessions' : 'hospital'} --full-refresh`;
}

/**
 * The tables with error-level expectation failures, in the summary's order, each with its
 * failing rules and repair. Pure.
 *
 * @example
 * suspectTables(summary.expectations); // [{ table: 'lh_gold.dbo.clinician_emr_sessions', failures: [...], repair: '…' }]
 */
export function suspectTables(expectations: RunSummary['expectations']): SuspectTable[] {
  const byTable = new Map<string, SuspectTable>();
  for (const e of expectations) {
    if (e.level !== 'error' || e.failures === 0) continue;
    const entry = byTable.get(e.table) ?? { table: e.table, failures: [], repair: repairCommand(e.table) };
    entry.failures.push({ column: e.column, rule: e.rule, failures: e.failures });
    byTable.set(e.table, entry);
  }
  return [...byTable.values()];
}

/**
 * One message naming each suspect table, what fails and how to repair it.
 *
 * @example
 * describeSuspects(suspects); // 'error-level expectations failed: lh_gold.dbo.clinician_emr_sessions (session_id unique: 125477 rows) — repair: carelake run sessions --full-refresh'
 */
export function describeSuspects(suspects: readonly SuspectTable[]): string {
  const parts = suspects.map(
    (s) =>
      `${s.table} (${s.failures.map((f) => `${f.column} ${f.rule}: ${f.failures} rows`).join('; ')}) — repair: ${s.repair}`,
  );
  return `error-level expectations failed: ${parts.join(', ')}. Incremental runs recompute only what new input touches, so they will not fix this`;
}
