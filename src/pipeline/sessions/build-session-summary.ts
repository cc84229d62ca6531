import { performance } from 'node:perf_hooks';
import { writeTable } from '../../delta/write-table.js';
import { readModelSql } from '../read-model.js';
import { exposeLatest, lakeTable, type RunContext } from '../run-context.js';

/**
 * Rebuilds gold_clinician_session_summary from the sessions table (one row per role and day).
 *
 * @example
 * await buildSessionSummary(ctx);
 */
export async function buildSessionSummary(ctx: RunContext): Promise<void> {
  const started = performance.now();
  if ((await exposeLatest(ctx, 'lh_gold', 'clinician_emr_sessions')) === undefined) return;
  const result = await writeTable(
    lakeTable(ctx, 'lh_gold', 'gold_clinician_session_summary'),
    ctx.engine.writer,
    {
      source: {
        kind: 'query',
        sql: `SELECT * FROM (${readModelSql('gold', 'gold_clinician_session_summary')}) ORDER BY session_date, clinician_role`,
      },
      mode: 'overwrite',
    },
  );
  ctx.summary.steps.push({
    step: 'gold gold_clinician_session_summary',
    ms: performance.now() - started,
    detail: `${result.rowsWritten} rows, version ${result.version}`,
  });
}
