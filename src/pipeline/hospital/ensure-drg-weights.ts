import { readModelSql } from '../read-model.js';
import { exposeLatest, lakeTable, type RunContext } from '../run-context.js';

/**
 * Makes sure lh_silver.dbo.ref_ms_drg_weights exists, loading `defaultCsv` the first time (a table
 * loaded by the user is kept), and exposes it to the models.
 *
 * @example
 * await ensureDrgWeights(ctx, DEFAULT_DRG_WEIGHTS);
 */
export async function ensureDrgWeights(ctx: RunContext, defaultCsv: string): Promise<void> {
  if ((await exposeLatest(ctx, 'lh_silver', 'ref_ms_drg_weights')) !== undefined) return;
  await loadDrgWeights(ctx, defaultCsv);
}

/**
 * Replaces lh_silver.dbo.ref_ms_drg_weights with the weights in a CSV with the columns
 * ms_drg, title, relative_weight, gmlos_days, fiscal_year (CMS Table 5 layout). Returns the rows.
 *
 * @example
 * await loadDrgWeights(ctx, '/data/cms_table5_fy2025.csv');
 */
export async function loadDrgWeights(ctx: RunContext, csv: string): Promise<number> {
  const result = await ctx.engine.writeQuery(lakeTable(ctx, 'lh_silver', 'ref_ms_drg_weights'), {
    sql: `SELECT * FROM (${readModelSql('silver', 'ref_ms_drg_weights', ctx.engine.name)}) ORDER BY drg_code`,
    params: { path: csv },
    mode: 'overwrite',
  });
  await exposeLatest(ctx, 'lh_silver', 'ref_ms_drg_weights');
  return result.rowsWritten;
}
