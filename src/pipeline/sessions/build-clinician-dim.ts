import { performance } from 'node:perf_hooks';
import { readModelSql } from '../read-model.js';
import { exposeLatest, lakeTable, type RunContext } from '../run-context.js';

/**
 * Rebuilds silver clinician_dim from bronze (it is small) and returns the ids of clinicians whose
 * row changed, or 'all' when the table is new or rebuilt. An unchanged dimension writes nothing,
 * so re-runs leave no new version.
 *
 * @example
 * const changed = await buildClinicianDim(ctx);
 */
export async function buildClinicianDim(ctx: RunContext): Promise<bigint[] | 'all'> {
  const started = performance.now();
  const db = ctx.engine.db;
  await exposeLatest(ctx, 'lh_bronze', 'bronze_clinicians');
  await exposeLatest(ctx, 'lh_bronze', 'bronze_clinician_roles');
  await db.run(
    `CREATE OR REPLACE TEMP TABLE dim_new AS ${readModelSql('silver', 'clinician_dim', ctx.engine.name)}`,
  );
  const existing = await exposeLatest(ctx, 'lh_silver', 'clinician_dim');
  let changed: bigint[] | 'all' = 'all';
  if (existing !== undefined && !ctx.fullRefresh) {
    const rows = await db.readRows(
      `SELECT DISTINCT clinician_id::VARCHAR AS id FROM (
         (SELECT * FROM dim_new EXCEPT ALL SELECT * FROM lh_silver.dbo.clinician_dim)
         UNION ALL (SELECT * FROM lh_silver.dbo.clinician_dim EXCEPT ALL SELECT * FROM dim_new))`,
    );
    changed = rows.map((r) => BigInt(String(r.id)));
    if (changed.length === 0) {
      ctx.summary.steps.push({
        step: 'silver clinician_dim',
        ms: performance.now() - started,
        detail: 'unchanged',
      });
      return [];
    }
  }
  const result = await ctx.engine.writeQuery(lakeTable(ctx, 'lh_silver', 'clinician_dim'), {
    sql: 'SELECT * FROM dim_new ORDER BY clinician_id',
    mode: 'overwrite',
  });
  await exposeLatest(ctx, 'lh_silver', 'clinician_dim');
  const detail = changed === 'all' ? 'rebuilt' : `${changed.length} clinician(s) changed`;
  ctx.summary.steps.push({
    step: 'silver clinician_dim',
    ms: performance.now() - started,
    detail: `${detail}, version ${result.version}`,
  });
  return changed;
}
