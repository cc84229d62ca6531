import { lakeTable, type RunContext } from '../run-context.js';

/**
 * Appends this run's expectation results to lh_gold.dbo.dq_expectation_results (one row per
 * table, column and rule, with the run id and time), so data quality has a history to chart.
 *
 * @example
 * await writeExpectationResults(ctx);
 */
export async function writeExpectationResults(ctx: RunContext): Promise<void> {
  const db = ctx.engine.db;
  await db.run(
    'CREATE OR REPLACE TEMP TABLE dq_results (table_name VARCHAR, column_name VARCHAR, rule VARCHAR, level VARCHAR, failures BIGINT)',
  );
  for (const e of ctx.summary.expectations) {
    await db.run('INSERT INTO dq_results VALUES ($1, $2, $3, $4, $5)', [
      e.table,
      e.column,
      e.rule,
      e.level,
      e.failures,
    ]);
  }
  await ctx.engine.writeQuery(lakeTable(ctx, 'lh_gold', 'dq_expectation_results'), {
    sql: `SELECT $run_id::VARCHAR AS run_id, $evaluated_at::TIMESTAMPTZ AS evaluated_at, table_name, column_name, rule, level,
              failures, failures = 0 AS passed FROM dq_results ORDER BY table_name, column_name, rule`,
    params: { run_id: ctx.batchId, evaluated_at: ctx.startedAt.toISOString() },
    txn: { appId: `carelake/dq_expectation_results/${ctx.batchId}`, version: 1 },
  });
}
