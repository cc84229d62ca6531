import { performance } from 'node:perf_hooks';
import { writeTable } from '../delta/write-table.js';
import { quoteIdentifier } from '../engine/quote-identifier.js';
import { writeQuarantine } from './quarantine/write-quarantine.js';
import { readModelSql } from './read-model.js';
import { exposeLatest, lakeTable, qualified, type RunContext } from './run-context.js';

/** A model rebuilt in full whenever one of its inputs has a new version. */
export interface FullModel {
  lakehouse: 'lh_silver' | 'lh_gold';
  model: string;
  inputs: readonly [string, string][];
  params?: Readonly<Record<string, string | number>>;
  /** Also quarantine the earlier deliveries of each key in this bronze table as `superseded`. */
  superseded?: { bronzeTable: string; key: string };
  orderBy?: string;
}

/**
 * Builds one full-rebuild model: skipped when no input changed since the last build (a Delta
 * `txn` records the inputs' versions), else the model's SQL is materialised once, its accepted
 * rows overwrite the table, and its refused rows (a `_reject_reason` column) plus superseded
 * deliveries replace this table's rows in the layer's quarantine. Returns whether it rebuilt.
 *
 * @example
 * await buildModelTable(ctx, { lakehouse: 'lh_gold', model: 'gold_healthcare_kpis', inputs: [['lh_silver', 'silver_healthcare_encounters']] });
 */
export async function buildModelTable(ctx: RunContext, m: FullModel): Promise<boolean> {
  const started = performance.now();
  let inputVersion = 0;
  for (const [lakehouse, name] of m.inputs) {
    const snapshot = await exposeLatest(ctx, lakehouse, name);
    if (snapshot === undefined) throw new Error(`${m.model}: input ${lakehouse}.dbo.${name} does not exist`);
    inputVersion += snapshot.version + 1;
  }
  const table = lakeTable(ctx, m.lakehouse, m.model);
  const appId = `carelake/${m.model}<-inputs`;
  const existing = (await table.exists()) ? await table.readSnapshot() : undefined;
  if (!ctx.fullRefresh && existing?.appVersion(appId) === inputVersion) {
    await exposeLatest(ctx, m.lakehouse, m.model);
    ctx.summary.steps.push({
      step: `${m.lakehouse.slice(3)} ${m.model}`,
      ms: performance.now() - started,
      detail: 'inputs unchanged',
    });
    return false;
  }
  const db = ctx.engine.db;
  await db.run(
    `CREATE OR REPLACE TEMP TABLE model_out AS ${readModelSql(m.lakehouse.slice(3), m.model)}`,
    m.params ?? {},
  );
  const columns = (await db.readRows('SELECT column_name FROM (DESCRIBE model_out)')).map((r) =>
    String(r.column_name),
  );
  const rejects = columns.includes('_reject_reason');
  const txn = ctx.fullRefresh ? undefined : { appId, version: inputVersion };
  const result = await writeTable(table, ctx.engine.writer, {
    source: {
      kind: 'query',
      sql: rejects
        ? `SELECT * EXCLUDE (_reject_reason, _reject_detail, _raw) FROM model_out WHERE _reject_reason IS NULL${m.orderBy ? ` ORDER BY ${m.orderBy}` : ''}`
        : `SELECT * FROM model_out${m.orderBy ? ` ORDER BY ${m.orderBy}` : ''}`,
    },
    mode: 'overwrite',
    ...(txn ? { txn } : {}),
  });
  const refused: string[] = [];
  if (rejects)
    refused.push(
      'SELECT _reject_reason, _reject_detail, _raw, _bronze_source_file AS _source_file FROM model_out WHERE _reject_reason IS NOT NULL',
    );
  if (m.superseded) {
    const key = quoteIdentifier(m.superseded.key);
    refused.push(`SELECT 'superseded' AS _reject_reason, ${key}::VARCHAR || ' was delivered again later; the latest delivery is kept' AS _reject_detail,
        to_json(b)::VARCHAR AS _raw, _bronze_source_file AS _source_file
      FROM (SELECT *, row_number() OVER (PARTITION BY ${key} ORDER BY _bronze_ingested_at DESC, _bronze_source_file DESC, _bronze_row DESC) AS recency
            FROM ${qualified('lh_bronze', m.superseded.bronzeTable)}) AS b WHERE recency > 1`);
  }
  if (refused.length > 0) {
    await db.run(`CREATE OR REPLACE TEMP TABLE refused AS ${refused.join(' UNION ALL ')}`);
    const quarantineTxn = txn ? { appId: `${appId}@quarantine`, version: inputVersion } : undefined;
    await writeQuarantine(
      ctx,
      m.lakehouse,
      m.model,
      'SELECT * FROM refused',
      quarantineTxn,
      {},
      { replace: true },
    );
    for (const r of await db.readRows(
      'SELECT _reject_reason AS reason, count(*) AS n FROM refused GROUP BY 1 ORDER BY 1',
    )) {
      ctx.summary.rejected.push({
        table: `${m.lakehouse}.dbo.${m.model}`,
        reason: String(r.reason),
        rows: Number(r.n),
      });
    }
  }
  await exposeLatest(ctx, m.lakehouse, m.model);
  ctx.summary.steps.push({
    step: `${m.lakehouse.slice(3)} ${m.model}`,
    ms: performance.now() - started,
    detail: `${result.rowsWritten} rows, version ${result.version}`,
  });
  return true;
}
