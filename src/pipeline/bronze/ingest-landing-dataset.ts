import { performance } from 'node:perf_hooks';
import { quoteIdentifier } from '../../engine/quote-identifier.js';
import { landingDir } from '../../lakehouse/lake-layout.js';
import { LandingFileError } from '../landing/landing-file-error.js';
import { readLandingFiles } from '../landing/read-landing-files.js';
import { stageLandingFile } from '../landing/stage-landing-file.js';
import { writeQuarantine } from '../quarantine/write-quarantine.js';
import { readModelMeta, readModelSql } from '../read-model.js';
import { lakeTable, type RunContext } from '../run-context.js';

/**
 * Ingests every new landing file of one dataset into its bronze table: stage the file (Parquet
 * read in place, typed columns kept), type it with the bronze model, append the rows that parse (with the _bronze_* columns,
 * partitioned by _bronze_load_date) and quarantine the rest with their reason. Each file is a
 * Delta `txn` keyed by its name and content hash, so a file already ingested is skipped and a
 * re-delivered, changed file is ingested again. A file that cannot be read at all (not CSV or
 * Parquet, truncated) fails with LandingFileError naming it. Returns true when anything was ingested.
 *
 * @example
 * await ingestLandingDataset(ctx, 'bronze_emr_events');
 */
export async function ingestLandingDataset(ctx: RunContext, model: string): Promise<boolean> {
  const meta = readModelMeta('bronze', model);
  const spec = meta.landing!;
  const sql = readModelSql('bronze', model, ctx.engine.name);
  const table = lakeTable(ctx, 'lh_bronze', model);
  const quarantine = lakeTable(ctx, 'lh_bronze', 'quarantine');
  const files = await readLandingFiles(landingDir(ctx.lake.dir), spec.prefix, ctx.landingFiles);
  let changed = false;
  const db = ctx.engine.db;
  for (const file of files) {
    const started = performance.now();
    const txn = { appId: `carelake/${model}/${file.name}#${file.contentHash}`, version: 1 };
    const done = (await table.exists()) && ((await table.readSnapshot()).appVersion(txn.appId) ?? 0) >= 1;
    const quarantined =
      (await quarantine.exists()) && ((await quarantine.readSnapshot()).appVersion(txn.appId) ?? 0) >= 1;
    if (done && quarantined) {
      ctx.summary.files.push({
        table: model,
        file: file.name,
        status: 'already ingested',
        rowsIn: 0,
        loaded: 0,
        quarantined: {},
      });
      continue;
    }
    const staged = await stageLandingFile(
      ctx.engine.local,
      file,
      spec.columns,
      meta.typedColumns ?? {},
    ).catch((error) => {
      throw new LandingFileError(file.name, model, error);
    });
    await ctx.engine.shareLocal(['staged', 'malformed']);
    const params = {
      source_time_zone: ctx.lake.config.sourceTimeZone,
      ingested_at: ctx.startedAt.toISOString(),
      source_file: file.name,
      batch_id: ctx.batchId,
      load_date: ctx.startedAt.toISOString().slice(0, 10),
    };
    // One pass for a clean file: the accepted rows stream from the landing file straight into
    // the bronze table.
    const result = await ctx.engine.writeQuery(table, {
      sql: `SELECT * EXCLUDE (_line, _reject_reason, _reject_detail, _raw),
                $ingested_at::TIMESTAMPTZ AS _bronze_ingested_at, $source_file::VARCHAR AS _bronze_source_file,
                $batch_id::VARCHAR AS _bronze_batch_id, _line AS _bronze_row, $load_date::DATE AS _bronze_load_date
              FROM (${sql}) AS model WHERE _reject_reason IS NULL`,
      params,
      // One load date per run: written straight into its partition folder.
      partitionValues: { _bronze_load_date: params.load_date },
      partitionBy: ['_bronze_load_date'],
      txn,
    });
    // Every staged row is accepted or refused, so when all of them were written there is nothing
    // to refuse. Otherwise (or when an interrupted earlier run already committed the rows, and
    // the txn skipped the write) a second pass collects the refused rows; its filter is pushed
    // below the model's projections, so `_raw` is built for those rows only.
    const refusedQuery = `SELECT _reject_reason, _reject_detail, _raw FROM (${sql}) AS model WHERE _reject_reason IS NOT NULL`;
    await db.run(
      `CREATE OR REPLACE TEMP TABLE refused AS ${
        result.rowsWritten === staged.rowsIn - staged.malformed ? `${refusedQuery} LIMIT 0` : refusedQuery
      }`,
      params,
    );
    await writeQuarantine(
      ctx,
      'lh_bronze',
      model,
      `SELECT _reject_reason, _reject_detail, _raw, $source_file AS _source_file FROM refused
       UNION ALL SELECT 'malformed_row', _detail, _raw, $source_file FROM malformed`,
      txn,
      { source_file: file.name },
    );
    const counts = await db.readRows(
      `SELECT reason, n FROM (
         SELECT _reject_reason AS reason, count(*) AS n, 0 AS malformed FROM refused GROUP BY 1
         UNION ALL SELECT 'malformed_row', count(*), 1 FROM malformed HAVING count(*) > 0
       ) AS counts ORDER BY malformed, reason`,
    );
    const byReason: Record<string, number> = {};
    for (const r of counts) byReason[String(r.reason)] = Number(r.n);
    const quarantinedRows = Object.values(byReason).reduce((n, v) => n + v, 0);
    ctx.summary.files.push({
      table: model,
      file: file.name,
      status: 'ingested',
      rowsIn: staged.rowsIn,
      loaded: staged.rowsIn - quarantinedRows,
      quarantined: byReason,
    });
    ctx.summary.steps.push({
      step: `bronze ${model} ← ${file.name}`,
      ms: performance.now() - started,
      detail: `version ${result.version}`,
    });
    changed = true;
  }
  if (!(await table.exists())) await createEmpty(ctx, model, sql);
  return changed;
}

/** A bronze table with no landing file yet still exists (empty), so downstream models bind. */
async function createEmpty(ctx: RunContext, model: string, sql: string): Promise<void> {
  const spec = readModelMeta('bronze', model).landing!;
  await ctx.engine.db.run(
    `CREATE OR REPLACE TEMP VIEW staged AS SELECT NULL::BIGINT AS _line, ${spec.columns.map((c) => `NULL::VARCHAR AS ${quoteIdentifier(c)}`).join(', ')} WHERE false`,
  );
  await ctx.engine.writeQuery(lakeTable(ctx, 'lh_bronze', model), {
    sql: `SELECT * EXCLUDE (_line, _reject_reason, _reject_detail, _raw), NULL::TIMESTAMPTZ AS _bronze_ingested_at,
              NULL::VARCHAR AS _bronze_source_file, NULL::VARCHAR AS _bronze_batch_id, _line AS _bronze_row,
              NULL::DATE AS _bronze_load_date FROM (${sql}) AS model`,
    params: { source_time_zone: ctx.lake.config.sourceTimeZone },
    partitionBy: ['_bronze_load_date'],
    mode: 'ignore',
  });
}
