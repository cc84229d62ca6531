import { exposeLatest, type RunContext } from '../run-context.js';
import type { RunSummary } from '../run-summary.js';

/** The error-level failures the last run recorded, with that run's id and time. */
export interface PriorSuspects {
  runId: string;
  evaluatedAt: string;
  expectations: RunSummary['expectations'];
}

/**
 * Reads the last recorded run's error-level expectation failures from
 * lh_gold.dbo.dq_expectation_results; undefined when there is no history or the last run passed.
 *
 * @example
 * const prior = await readPriorSuspects(ctx);
 */
export async function readPriorSuspects(ctx: RunContext): Promise<PriorSuspects | undefined> {
  if ((await exposeLatest(ctx, 'lh_gold', 'dq_expectation_results')) === undefined) return undefined;
  const rows = await ctx.engine.db.readRows(
    `WITH last_run AS (
       SELECT run_id, evaluated_at FROM lh_gold.dbo.dq_expectation_results ORDER BY evaluated_at DESC, run_id LIMIT 1
     )
     SELECT r.run_id, r.evaluated_at::VARCHAR AS evaluated_at, r.table_name, r.column_name, r.rule, r.level, r.failures
     FROM lh_gold.dbo.dq_expectation_results AS r JOIN last_run USING (run_id)
     WHERE r.level = 'error' AND NOT r.passed
     ORDER BY r.table_name, r.column_name, r.rule`,
  );
  if (rows.length === 0) return undefined;
  return {
    runId: String(rows[0]!.run_id),
    evaluatedAt: String(rows[0]!.evaluated_at),
    expectations: rows.map((r) => ({
      table: String(r.table_name),
      column: String(r.column_name),
      rule: String(r.rule),
      level: String(r.level),
      failures: Number(r.failures),
    })),
  };
}
