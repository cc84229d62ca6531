/** What one landing file contributed: rows in = loaded + quarantined. */
export interface FileReconciliation {
  table: string;
  file: string;
  status: 'ingested' | 'already ingested';
  rowsIn: number;
  loaded: number;
  quarantined: Record<string, number>;
}

/** What a run did, for the printed summary and for tests. */
export interface RunSummary {
  files: FileReconciliation[];
  /** Rows refused after bronze, by table and reason. */
  rejected: { table: string; reason: string; rows: number }[];
  steps: { step: string; ms: number; detail: string }[];
  tables: { table: string; rows: number; version: number }[];
  expectations: { table: string; column: string; rule: string; level: string; failures: number }[];
  warnings: string[];
}

/** A summary with nothing in it yet. @example const s = emptyRunSummary(); */
export function emptyRunSummary(): RunSummary {
  return { files: [], rejected: [], steps: [], tables: [], expectations: [], warnings: [] };
}

/**
 * The run summary as text: per-file reconciliation (in = loaded + quarantined), rows refused
 * later by reason, expectations, table sizes and time per step.
 *
 * @example
 * io.stdout.write(formatRunSummary(summary));
 */
export function formatRunSummary(s: RunSummary): string {
  const lines: string[] = ['Landing files (rows in = loaded + quarantined):'];
  for (const f of s.files) {
    const q = Object.values(f.quarantined).reduce((a, b) => a + b, 0);
    const reasons = Object.entries(f.quarantined)
      .map(([r, n]) => `${r} ${n}`)
      .join(', ');
    const ok = f.rowsIn === f.loaded + q ? 'ok' : 'MISMATCH';
    lines.push(
      `  ${f.file.padEnd(28)} → ${f.table.padEnd(28)} ${f.status === 'ingested' ? `${f.rowsIn} = ${f.loaded} + ${q} ${ok}${reasons ? ` (${reasons})` : ''}` : 'already ingested, skipped'}`,
    );
  }
  if (s.rejected.length > 0) {
    lines.push('Refused after bronze (in the layer’s quarantine):');
    for (const r of s.rejected) lines.push(`  ${r.table.padEnd(32)} ${r.reason.padEnd(20)} ${r.rows}`);
  }
  if (s.expectations.length > 0) {
    const failed = s.expectations.filter((e) => e.failures > 0);
    lines.push(`Expectations: ${s.expectations.length - failed.length} passed, ${failed.length} failed`);
    for (const e of failed)
      lines.push(`  ${e.level.toUpperCase()} ${e.table}.${e.column} ${e.rule}: ${e.failures} rows`);
  }
  for (const w of s.warnings) lines.push(`WARNING: ${w}`);
  lines.push('Tables:');
  for (const t of s.tables)
    lines.push(`  ${t.table.padEnd(44)} ${String(t.rows).padStart(10)} rows  (version ${t.version})`);
  lines.push('Steps:');
  for (const st of s.steps)
    lines.push(`  ${st.step.padEnd(44)} ${String(Math.round(st.ms)).padStart(7)} ms  ${st.detail}`);
  return `${lines.join('\n')}\n`;
}
