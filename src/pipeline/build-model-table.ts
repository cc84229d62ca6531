import { performance } from 'node:perf_hooks';
import type { StructType } from '../delta/schema.js';
import { quoteIdentifier } from '../engine/quote-identifier.js';
import { rowJsonSql } from './quarantine/row-json-sql.js';
import { writeQuarantine } from './quarantine/write-quarantine.js';
import { readModelSql } from './read-model.js';
import { exposeLatest, lakeTable, qualified, type RunContext } from './run-context.js';

/** A model rebuilt in full whenever one of its inputs has a new version. */
export interface FullModel {
  lakehouse: 'lh_silver' | 'lh_gold';
  model: string;
  inputs: readonly [string, string][];
  params?: Readonly<Record<string, string | number>>;
  /**
   * Also quarantine the earlier deliveries of each key in this bronze table as `superseded`. Such
   * a model yields one row (accepted or refused) per latest delivery, which lets a clean build
   * skip the pass that collects refused rows.
   */
  superseded?: { bronzeTable: string; key: string };
  orderBy?: string;
}

/**
 * Builds one full-rebuild model: skipped when no input changed since the last build (a Delta
 * `txn` records the inputs' versions), else its refused rows (a `_reject_reason` column) are
 * collected, its accepted rows stream into the table (overwrite), and the refused rows plus the
 * superseded deliveries replace this table's rows in the layer's quarantine. Returns whether it
 * rebuilt.
 *
 * @example
 * await buildModelTable(ctx, { lakehouse: 'lh_gold', model: 'gold_healthcare_kpis', inputs: [['lh_silver', 'silver_healthcare_encounters']] });
 */
export async function buildModelTable(ctx: RunContext, m: FullModel): Promise<boolean> {
  const started = performance.now();
  let inputVersion = 0;
  let bronzeRows: number | undefined;
  let bronzeSchema: StructType | undefined;
  for (const [lakehouse, name] of m.inputs) {
    const snapshot = await exposeLatest(ctx, lakehouse, name);
    if (snapshot === undefined) throw new Error(`${m.model}: input ${lakehouse}.dbo.${name} does not exist`);
    inputVersion += snapshot.version + 1;
    if (lakehouse === 'lh_bronze' && name === m.superseded?.bronzeTable) {
      bronzeRows = snapshot.numRecords();
      bronzeSchema = snapshot.schema;
    }
  }
  const table = lakeTable(ctx, m.lakehouse, m.model);
  const appId = `carelake/${m.model}<-inputs`;
  const existing = (await table.exists()) ? await table.readSnapshot() : undefined;
  const sql = readModelSql(m.lakehouse.slice(3), m.model, ctx.engine.name);
  // The model and its quarantine are two commits: a run killed between them left the model
  // current and its refused rows unwritten, and the next run skipped it. A build is done only
  // when both carry this input version (a rebuild with nothing refused still commits its
  // quarantine step, empty, so that this holds).
  const quarantines = m.superseded !== undefined || /\b_reject_reason\b/.test(sql);
  if (
    !ctx.fullRefresh &&
    existing?.appVersion(appId) === inputVersion &&
    (!quarantines || (await quarantineVersion(ctx, m.lakehouse, `${appId}@quarantine`)) === inputVersion)
  ) {
    await exposeLatest(ctx, m.lakehouse, m.model);
    ctx.summary.steps.push({
      step: `${m.lakehouse.slice(3)} ${m.model}`,
      ms: performance.now() - started,
      detail: 'inputs unchanged',
    });
    return false;
  }
  const db = ctx.engine.db;
  if (m.superseded) await rankSuperseded(ctx, m.superseded);
  const params = m.params ?? {};
  const columns = await db.columnNames(sql, params);
  const rejects = columns.includes('_reject_reason');
  const order = m.orderBy ? ` ORDER BY ${m.orderBy}` : '';
  const txn = ctx.fullRefresh ? undefined : { appId, version: inputVersion };
  const result = await ctx.engine.writeQuery(table, {
    sql: rejects
      ? `SELECT * EXCLUDE (_reject_reason, _reject_detail, _raw) FROM (${sql}) AS model WHERE _reject_reason IS NULL${order}`
      : `SELECT * FROM (${sql}) AS model${order}`,
    params,
    mode: 'overwrite',
    // The model defines the table: a rebuild takes the model's schema (a column whose type a
    // model changed, e.g. a sum cast to BIGINT, replaces the old type instead of failing).
    schemaMode: 'overwrite',
    ...(txn ? { txn } : {}),
  });
  const refused: string[] = [];
  let supersededRows = 0;
  if (m.superseded) {
    const key = quoteIdentifier(m.superseded.key);
    refused.push(`SELECT 'superseded' AS _reject_reason, ${key}::VARCHAR || ' was delivered again later; the latest delivery is kept' AS _reject_detail,
        ${rowJsonSql('b', { type: 'struct', fields: [...bronzeSchema!.fields, { name: 'recency', type: 'long', nullable: false, metadata: {} }] })}::VARCHAR AS _raw,
        _bronze_source_file AS _source_file FROM superseded AS b`);
    const [row] = await db.readRows('SELECT count(*) AS n FROM superseded');
    supersededRows = Number(row!.n);
  }
  // A model with one row per latest delivery that wrote all of them refused none: skip the
  // second pass. Otherwise collect the refused rows; the filter is pushed below the model's
  // projection, so `_raw` is built for them only.
  const allWritten = bronzeRows !== undefined && result.rowsWritten === bronzeRows - supersededRows;
  if (rejects && !allWritten) {
    await db.run(
      `CREATE OR REPLACE TEMP TABLE model_refused AS
       SELECT _reject_reason, _reject_detail, _raw, _bronze_source_file AS _source_file
       FROM (${sql}) AS model WHERE _reject_reason IS NOT NULL`,
      params,
    );
    refused.unshift('SELECT * FROM model_refused');
  }
  if (refused.length > 0 || quarantines) {
    await db.run(
      refused.length > 0
        ? `CREATE OR REPLACE TEMP TABLE refused AS ${refused.join(' UNION ALL ')}`
        : `CREATE OR REPLACE TEMP TABLE refused AS SELECT NULL::VARCHAR AS _reject_reason, NULL::VARCHAR AS _reject_detail,
             NULL::VARCHAR AS _raw, NULL::VARCHAR AS _source_file WHERE false`,
    );
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

/**
 * The earlier deliveries of every key delivered more than once ("the latest delivery wins"), as
 * the temporary table `superseded` the silver models leave out. Only repeated keys are ranked:
 * keys are grouped by their 64-bit hash (a fixed-width key, cheap to group), and only the rows
 * whose hash repeats are ranked by the key itself, so a clean feed is never sorted and a hash
 * collision costs a ranking, never a wrong result.
 */
async function rankSuperseded(
  ctx: RunContext,
  superseded: NonNullable<FullModel['superseded']>,
): Promise<void> {
  const key = quoteIdentifier(superseded.key);
  const bronze = qualified('lh_bronze', superseded.bronzeTable);
  await ctx.engine.db.run(`CREATE OR REPLACE TEMP TABLE superseded AS
    SELECT * FROM (
      SELECT *, row_number() OVER (PARTITION BY ${key} ORDER BY _bronze_ingested_at DESC, _bronze_source_file DESC, _bronze_row DESC) AS recency
      FROM ${bronze}
      WHERE hash(${key}) IN (SELECT hash(${key}) FROM ${bronze} GROUP BY 1 HAVING count(*) > 1)
    ) WHERE recency > 1`);
}

/** The input version the layer's quarantine last recorded for a model (-1: none). */
async function quarantineVersion(ctx: RunContext, lakehouse: string, appId: string): Promise<number> {
  const quarantine = lakeTable(ctx, lakehouse, 'quarantine');
  if (!(await quarantine.exists())) return -1;
  return (await quarantine.readSnapshot()).appVersion(appId) ?? -1;
}
