import { performance } from 'node:perf_hooks';
import { DeltaTableError } from '../../delta/delta-table-error.js';
import { diffLiveFiles } from '../../delta/diff-live-files.js';
import { readRearrangedFiles } from '../../delta/read-rearranged-files.js';
import type { Snapshot } from '../../delta/snapshot.js';
import { writeQuarantine } from '../quarantine/write-quarantine.js';
import { readModelSql } from '../read-model.js';
import { exposeSnapshot, lakeTable, type RunContext } from '../run-context.js';
import { CLINICIAN_BUCKETS } from './clinician-buckets.js';

const APP_ID = 'carelake/emr_events<-bronze_emr_events';

/**
 * Cleans the bronze events this table has not seen into silver emr_events (append), and the
 * refused ones into silver quarantine. "Not seen" is tracked with a Delta `txn` whose version is
 * the bronze version processed: the bronze files added since then are the new rows, and every
 * event id in the earlier files counts for duplicate detection. A full refresh reprocesses all
 * bronze. Gold finds the buckets that changed from silver's files (plan-session-buckets.ts).
 *
 * @example
 * await buildSilverEmrEvents(ctx);
 */
export async function buildSilverEmrEvents(ctx: RunContext): Promise<void> {
  const started = performance.now();
  const db = ctx.engine.db;
  const bronze = await lakeTable(ctx, 'lh_bronze', 'bronze_emr_events').readSnapshot();
  const silver = lakeTable(ctx, 'lh_silver', 'emr_events');
  const seenVersion =
    !ctx.fullRefresh && (await silver.exists())
      ? (await silver.readSnapshot()).appVersion(APP_ID)
      : undefined;
  if (seenVersion === bronze.version) {
    ctx.summary.steps.push({
      step: 'silver emr_events',
      ms: performance.now() - started,
      detail: 'no new bronze rows',
    });
    return;
  }
  const before = seenVersion === undefined ? undefined : await readSeen(ctx, seenVersion, bronze.version);
  // The bronze files added since: appended ones, not a compaction's rewrite of seen rows
  // (`carelake table optimize`). A compaction that also took in rows silver never saw cannot be
  // told apart by file: then every bronze row is processed again, as in a full refresh.
  const diff =
    before === undefined ? undefined : diffLiveFiles(before.snapshot.files, bronze.files, before.rearranged);
  const full = diff === undefined || diff.mixedCompaction;
  const prior = full ? bronze.withFiles([]) : before!.snapshot;
  const newBronze = full ? bronze : bronze.withFiles(diff!.added);
  await exposeSnapshot(ctx, 'lh_bronze', 'bronze_emr_events', newBronze, 'new_bronze_events');
  await exposeSnapshot(ctx, 'lh_bronze', 'bronze_emr_events', prior, 'prior_bronze_events');
  await db.run(
    // No DISTINCT here: the repeats model first keeps the prior ids that occur in the new rows
    // (a semi join built on the few new rows), then removes duplicates among those.
    'CREATE OR REPLACE TEMP VIEW prior_event_ids AS SELECT event_id FROM prior_bronze_events',
  );
  // The repeated ids are few: rank just those once, so neither pass below sorts the feed.
  await db.run(
    `CREATE OR REPLACE TEMP TABLE emr_event_repeats AS ${readModelSql('silver', '_emr_event_repeats', ctx.engine.name)}`,
  );
  const model = readModelSql('silver', 'emr_events', ctx.engine.name);
  const params = { bucket_count: CLINICIAN_BUCKETS };
  const txn = { appId: APP_ID, version: bronze.version };
  const result = await ctx.engine.writeQuery(silver, {
    sql: `SELECT * EXCLUDE (_reject_reason, _reject_detail, _raw) FROM (${model}) AS model WHERE _reject_reason IS NULL`,
    params,
    mode: full ? 'overwrite' : 'append',
    partitionBy: ['clinician_bucket'],
    txn,
  });
  // Every new bronze row is accepted or refused: when all of them were written (the bronze log's
  // row counts tell), nothing was refused and the feed is read once. Otherwise a second pass
  // collects the refused rows, building `_raw` for them only (the filter is pushed below it).
  const refusedQuery = `SELECT _reject_reason, _reject_detail, _raw, _bronze_source_file AS _source_file
     FROM (${model}) AS model WHERE _reject_reason IS NOT NULL`;
  await db.run(
    `CREATE OR REPLACE TEMP TABLE refused AS ${
      result.rowsWritten === newBronze.numRecords() ? `${refusedQuery} LIMIT 0` : refusedQuery
    }`,
    params,
  );
  await writeQuarantine(
    ctx,
    'lh_silver',
    'emr_events',
    'SELECT * FROM refused',
    { appId: `${APP_ID}@quarantine`, version: bronze.version },
    {},
    { replace: full },
  );
  for (const r of await db.readRows(
    'SELECT _reject_reason AS reason, count(*) AS n FROM refused GROUP BY 1 ORDER BY 1',
  )) {
    ctx.summary.rejected.push({
      table: 'lh_silver.dbo.emr_events',
      reason: String(r.reason),
      rows: Number(r.n),
    });
  }
  ctx.summary.steps.push({
    step: 'silver emr_events',
    ms: performance.now() - started,
    detail: `${full ? 'full' : 'incremental'} from bronze version ${bronze.version}, ${result.rowsWritten} rows, version ${result.version}`,
  });
}

/**
 * Bronze as silver last saw it, and the files compactions added since; undefined when the
 * commits in between are no longer in the log (then silver starts over).
 */
async function readSeen(
  ctx: RunContext,
  seenVersion: number,
  version: number,
): Promise<{ snapshot: Snapshot; rearranged: Set<string> } | undefined> {
  const table = lakeTable(ctx, 'lh_bronze', 'bronze_emr_events');
  try {
    const snapshot = await table.readSnapshot({ version: seenVersion });
    return { snapshot, rearranged: await readRearrangedFiles(table, seenVersion, version) };
  } catch (error) {
    if (error instanceof DeltaTableError && error.problem === 'missing-version') return undefined;
    throw error;
  }
}
