import { performance } from 'node:perf_hooks';
import { quoteIdentifier } from '../../engine/quote-identifier.js';
import type { LandingFile } from '../landing/landing-file.js';
import { LandingFileError } from '../landing/landing-file-error.js';
import { type StagedFile, type StagedNames, stageLandingFile } from '../landing/stage-landing-file.js';
import { writeQuarantine } from '../quarantine/write-quarantine.js';
import { readModelMeta, readModelSql } from '../read-model.js';
import { lakeTable, type RunContext } from '../run-context.js';
import { landingFileTxn } from './landing-file-txn.js';

/**
 * Ingests landing files of one dataset together: each is staged (Parquet read in place, typed
 * columns kept), typed by the bronze model, and the rows that parse are appended to the bronze
 * table in ONE commit (partitioned by _bronze_load_date), the rest in ONE quarantine commit, each
 * with its reason. Both commits carry every file's `txn` (landingFileTxn), so they count the
 * group's files once: if the bronze commit's first `txn` is already there the write is skipped,
 * which is why the caller groups only files that no commit holds yet (a file half ingested by a
 * killed run goes alone). A file that cannot be read at all fails with LandingFileError naming
 * it, before anything of the group is written.
 *
 * A single file is staged as `staged` and `malformed`, as the bronze models read it; several are
 * staged side by side as `staged_<i>`, each model query reading its own file through a `staged`
 * CTE, and dropped afterwards.
 *
 * @example
 * await ingestLandingGroup(ctx, 'bronze_emr_events', [file1, file2]);
 */
export async function ingestLandingGroup(
  ctx: RunContext,
  model: string,
  files: readonly LandingFile[],
): Promise<void> {
  const started = performance.now();
  const meta = readModelMeta('bronze', model);
  const spec = meta.landing!;
  const sql = readModelSql('bronze', model, ctx.engine.name);
  const table = lakeTable(ctx, 'lh_bronze', model);
  const db = ctx.engine.db;
  const names: StagedNames[] = files.map((_, i) =>
    files.length === 1
      ? { staged: 'staged', malformed: 'malformed' }
      : { staged: `staged_${i}`, malformed: `malformed_${i}` },
  );
  const staged: StagedFile[] = [];
  for (const [i, file] of files.entries()) {
    staged.push(
      await stageLandingFile(ctx.engine.local, file, spec.columns, meta.typedColumns ?? {}, names[i]).catch(
        (error) => {
          throw new LandingFileError(file.name, model, error);
        },
      ),
    );
  }
  await ctx.engine.shareLocal(names.flatMap((n) => [n.staged, n.malformed]));
  const base = {
    source_time_zone: ctx.lake.config.sourceTimeZone,
    ingested_at: ctx.startedAt.toISOString(),
    batch_id: ctx.batchId,
    load_date: ctx.startedAt.toISOString().slice(0, 10),
  };
  // The bronze model reads `staged`: a file staged under another name is handed to it as a CTE.
  const modelOf = (i: number) =>
    names[i]!.staged === 'staged'
      ? sql
      : `WITH staged AS (SELECT * FROM ${quoteIdentifier(names[i]!.staged)}) SELECT * FROM (${sql}) AS file_model`;
  const fileParam = Object.fromEntries(files.map((f, i) => [`source_file_${i}`, f.name]));
  const [txn, ...watermarks] = files.map((f) => landingFileTxn(model, f));
  // One pass for clean files: the accepted rows stream from the landing files straight into
  // the bronze table, each file to its own data files, all in one commit.
  const parts = files.map((file, i) => ({
    sql: `SELECT * EXCLUDE (_line, _reject_reason, _reject_detail, _raw),
              $ingested_at::TIMESTAMPTZ AS _bronze_ingested_at, $source_file::VARCHAR AS _bronze_source_file,
              $batch_id::VARCHAR AS _bronze_batch_id, _line AS _bronze_row, $load_date::DATE AS _bronze_load_date
            FROM (${modelOf(i)}) AS model WHERE _reject_reason IS NULL`,
    params: { ...base, source_file: file.name },
    // One load date per run: written straight into its partition folder.
    partitionValues: { _bronze_load_date: base.load_date },
  }));
  const result = await ctx.engine.writeQuery(table, {
    ...parts[0]!,
    ...(parts.length > 1 ? { parts } : {}),
    partitionBy: ['_bronze_load_date'],
    txn: txn!,
    ...(watermarks.length > 0 ? { watermarks } : {}),
  });
  // Every staged row is accepted or refused, so when all of them were written there is nothing
  // to refuse. Otherwise (or when an interrupted earlier run already committed the rows, and
  // the txn skipped the write) a second pass collects the refused rows; its filter is pushed
  // below the model's projections, so `_raw` is built for those rows only.
  const parsed = staged.reduce((n, s) => n + s.rowsIn - s.malformed, 0);
  const refusedOf = (i: number) =>
    `SELECT _reject_reason, _reject_detail, _raw, $source_file_${i}::VARCHAR AS _source_file
     FROM (${modelOf(i)}) AS model WHERE _reject_reason IS NOT NULL`;
  const refusedQuery =
    files.length === 1
      ? refusedOf(0)
      : files.map((_, i) => `SELECT * FROM (${refusedOf(i)}) AS f${i}`).join(' UNION ALL ');
  await db.run(
    `CREATE OR REPLACE TEMP TABLE refused AS ${
      result.rowsWritten === parsed ? `SELECT * FROM (${refusedQuery}) AS r LIMIT 0` : refusedQuery
    }`,
    { ...base, ...fileParam },
  );
  const malformed = names.map(
    (n, i) =>
      `SELECT 'malformed_row', _detail, _raw, $source_file_${i}::VARCHAR FROM ${quoteIdentifier(n.malformed)}`,
  );
  await writeQuarantine(
    ctx,
    'lh_bronze',
    model,
    `SELECT _reject_reason, _reject_detail, _raw, _source_file FROM refused UNION ALL ${malformed.join(' UNION ALL ')}`,
    txn,
    fileParam,
    watermarks.length > 0 ? { watermarks } : {},
  );
  const counts = await db.readRows(
    `SELECT file, reason, n FROM (
       SELECT _source_file AS file, _reject_reason AS reason, count(*) AS n, 0 AS malformed FROM refused GROUP BY 1, 2
       ${names.map((n, i) => `UNION ALL SELECT $source_file_${i}::VARCHAR, 'malformed_row', count(*), 1 FROM ${quoteIdentifier(n.malformed)} HAVING count(*) > 0`).join('\n       ')}
     ) AS counts ORDER BY file, malformed, reason`,
    fileParam,
  );
  for (const [i, file] of files.entries()) {
    const byReason: Record<string, number> = {};
    for (const r of counts) if (r.file === file.name) byReason[String(r.reason)] = Number(r.n);
    const quarantinedRows = Object.values(byReason).reduce((n, v) => n + v, 0);
    ctx.summary.files.push({
      table: model,
      file: file.name,
      status: 'ingested',
      rowsIn: staged[i]!.rowsIn,
      loaded: staged[i]!.rowsIn - quarantinedRows,
      quarantined: byReason,
    });
  }
  ctx.summary.steps.push({
    step: `bronze ${model} ← ${files.length === 1 ? files[0]!.name : `${files.length} files (${files[0]!.name} … ${files.at(-1)!.name})`}`,
    ms: performance.now() - started,
    detail: `version ${result.version}`,
  });
  if (files.length > 1) {
    // The staged files of a group are held until here (a CSV file's rows in memory): let go.
    for (const n of names) {
      await ctx.engine.local.run(`DROP VIEW IF EXISTS ${quoteIdentifier(n.staged)}`);
      await ctx.engine.local.run(`DROP TABLE IF EXISTS ${quoteIdentifier(`${n.staged}_csv`)}`);
      await ctx.engine.local.run(`DROP TABLE IF EXISTS ${quoteIdentifier(n.malformed)}`);
    }
  }
}
