import type { SqlParam } from '../../engine/duckdb/duckdb-database.js';
import { lakeTable, type RunContext } from '../run-context.js';

/**
 * Appends this run's expectation results to lh_gold.dbo.dq_expectation_results (one row per
 * table, column and rule, with the run id and time), so data quality has a history to chart.
 * The results travel as bound parameters of one VALUES list, which every engine reads alike.
 *
 * @example
 * await writeExpectationResults(ctx);
 */
export async function writeExpectationResults(ctx: RunContext): Promise<void> {
  const params: Record<string, SqlParam> = { run_id: ctx.batchId, evaluated_at: ctx.startedAt.toISOString() };
  const rows = ctx.summary.expectations.map((e, i) => {
    Object.assign(params, {
      [`t${i}`]: e.table,
      [`c${i}`]: e.column,
      [`r${i}`]: e.rule,
      [`l${i}`]: e.level,
      [`f${i}`]: e.failures,
    });
    return `($t${i}, $c${i}, $r${i}, $l${i}, $f${i})`;
  });
  const results =
    rows.length === 0
      ? "SELECT '' AS table_name, '' AS column_name, '' AS rule, '' AS level, 0 AS failures WHERE false"
      : `SELECT * FROM (VALUES ${rows.join(', ')}) AS dq(table_name, column_name, rule, level, failures)`;
  await ctx.engine.writeQuery(lakeTable(ctx, 'lh_gold', 'dq_expectation_results'), {
    sql: `SELECT $run_id::VARCHAR AS run_id, $evaluated_at::TIMESTAMPTZ AS evaluated_at, table_name::VARCHAR AS table_name,
            column_name::VARCHAR AS column_name, rule::VARCHAR AS rule, level::VARCHAR AS level, failures::BIGINT AS failures,
            failures = 0 AS passed FROM (${results}) AS dq_results ORDER BY table_name, column_name, rule`,
    params,
    txn: { appId: `carelake/dq_expectation_results/${ctx.batchId}`, version: 1 },
  });
}
