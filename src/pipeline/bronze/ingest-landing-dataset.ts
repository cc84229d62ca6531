import { quoteIdentifier } from '../../engine/quote-identifier.js';
import { landingDir } from '../../lakehouse/lake-layout.js';
import type { LandingFile } from '../landing/landing-file.js';
import { readLandingFiles } from '../landing/read-landing-files.js';
import { readModelMeta, readModelSql } from '../read-model.js';
import { lakeTable, type RunContext } from '../run-context.js';
import { groupLandingFiles } from './group-landing-files.js';
import { ingestLandingGroup } from './ingest-landing-group.js';
import { landingFileTxn } from './landing-file-txn.js';

/**
 * Ingests every new landing file of one dataset into its bronze table (ingestLandingGroup): the
 * files no commit holds yet go in groups of one commit each (groupLandingFiles; one file per
 * commit on an engine that cannot commit several queries at once), a file that a killed run
 * left half ingested (in bronze but not its quarantine, or the reverse) alone, so its `txn`
 * skips the half that is there. A file already ingested (its name-and-content `txn` in both)
 * is reported and skipped; a re-delivered, changed file is new. Returns true when anything was
 * ingested.
 *
 * @example
 * await ingestLandingDataset(ctx, 'bronze_emr_events');
 */
export async function ingestLandingDataset(ctx: RunContext, model: string): Promise<boolean> {
  const spec = readModelMeta('bronze', model).landing!;
  const table = lakeTable(ctx, 'lh_bronze', model);
  const quarantine = lakeTable(ctx, 'lh_bronze', 'quarantine');
  const files = await readLandingFiles(landingDir(ctx.lake.dir), spec.prefix, ctx.landingFiles);
  const bronze = files.length > 0 && (await table.exists()) ? await table.readSnapshot() : undefined;
  const held = files.length > 0 && (await quarantine.exists()) ? await quarantine.readSnapshot() : undefined;
  const fresh: LandingFile[] = [];
  const halfDone: LandingFile[] = [];
  for (const file of files) {
    const { appId } = landingFileTxn(model, file);
    const done = (bronze?.appVersion(appId) ?? 0) >= 1;
    const quarantined = (held?.appVersion(appId) ?? 0) >= 1;
    if (done && quarantined) {
      ctx.summary.files.push({
        table: model,
        file: file.name,
        status: 'already ingested',
        rowsIn: 0,
        loaded: 0,
        quarantined: {},
      });
    } else (done || quarantined ? halfDone : fresh).push(file);
  }
  const groups = [
    ...halfDone.map((f) => [f]),
    ...(ctx.engine.rewritesFiles ? groupLandingFiles(fresh) : fresh.map((f) => [f])),
  ];
  for (const group of groups) await ingestLandingGroup(ctx, model, group);
  if (!(await table.exists())) await createEmpty(ctx, model, readModelSql('bronze', model, ctx.engine.name));
  return groups.length > 0;
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
