import { diffLiveFiles } from '../../delta/diff-live-files.js';
import { readRearrangedFiles } from '../../delta/read-rearranged-files.js';
import type { Snapshot } from '../../delta/snapshot.js';
import { exposeSnapshot, lakeTable, type RunContext } from '../run-context.js';
import { clinicianBucket } from './clinician-buckets.js';
import { DIM_WATERMARK, EVENTS_WATERMARK } from './session-watermarks.js';

/** Which buckets the sessions need recomputed, and the input versions that makes them current for. */
export interface SessionBucketPlan {
  buckets: number[] | 'all';
  watermarks: { appId: string; version: number }[];
  reason: string;
  /**
   * The emr_events files (paths) that hold only events the sessions have seen, when silver only
   * gained files since then (or compacted seen ones) and clinician_dim is unchanged: the
   * sessions' tails can then be recomputed from the other files' events alone
   * (build-session-tails.ts).
   */
  seenEventFiles?: ReadonlySet<string>;
}

/**
 * Compares the input versions gold clinician_emr_sessions was last computed from (its
 * watermarks) with silver's current ones: the buckets whose emr_events files changed in
 * between (added or removed files, by partition value; a compaction's rewrite of the same rows,
 * `carelake table optimize`, is no change: diffLiveFiles) and the buckets of clinicians whose
 * clinician_dim row changed. Everything when the sessions are new, a full refresh runs, the
 * sessions carry no watermarks (a lake built before them) or an old version cannot be read.
 *
 * @example
 * const plan = await planSessionBuckets(ctx, events, dim); // { buckets: [3, 7], … }
 */
export async function planSessionBuckets(
  ctx: RunContext,
  events: Snapshot,
  dim: Snapshot,
): Promise<SessionBucketPlan> {
  const watermarks = [
    { appId: EVENTS_WATERMARK, version: events.version },
    { appId: DIM_WATERMARK, version: dim.version },
  ];
  const all = (reason: string): SessionBucketPlan => ({ buckets: 'all', watermarks, reason });
  const sessions = lakeTable(ctx, 'lh_gold', 'clinician_emr_sessions');
  if (ctx.fullRefresh) return all('full refresh');
  if (!(await sessions.exists())) return all('new table');
  const gold = await sessions.readSnapshot();
  const eventsAt = gold.appVersion(EVENTS_WATERMARK);
  const dimAt = gold.appVersion(DIM_WATERMARK);
  if (eventsAt === undefined || dimAt === undefined) return all('no recorded input versions');
  const buckets = new Set<number>();
  let seenEventFiles: Set<string> | undefined;
  if (eventsAt !== events.version) {
    const before = await readOld(ctx, 'emr_events', eventsAt);
    const rearranged = await readOldCommits(ctx, eventsAt, events.version);
    if (before === undefined || rearranged === undefined)
      return all(`emr_events version ${eventsAt} can no longer be read`);
    const diff = diffLiveFiles(before.files, events.files, rearranged);
    for (const f of [...diff.added, ...diff.removed]) buckets.add(Number(f.partitionValues.clinician_bucket));
    const onlyAppended = diff.removed.length === 0 && !diff.mixedCompaction;
    if (dimAt === dim.version && onlyAppended) seenEventFiles = new Set(diff.seen.map((f) => f.path));
  }
  if (dimAt !== dim.version) {
    const before = await readOld(ctx, 'clinician_dim', dimAt);
    if (before === undefined) return all(`clinician_dim version ${dimAt} can no longer be read`);
    let ids: bigint[];
    try {
      ids = await changedClinicians(ctx, before, dim);
    } catch {
      return all(`clinician_dim changed its columns since version ${dimAt}`);
    }
    for (const id of ids) buckets.add(clinicianBucket(id));
  }
  return {
    buckets: [...buckets].sort((a, b) => a - b),
    watermarks,
    reason: `emr_events ${eventsAt}→${events.version}, clinician_dim ${dimAt}→${dim.version}`,
    ...(seenEventFiles ? { seenEventFiles } : {}),
  };
}

async function readOld(ctx: RunContext, name: string, version: number): Promise<Snapshot | undefined> {
  try {
    return await lakeTable(ctx, 'lh_silver', name).readSnapshot({ version });
  } catch {
    // Log files removed or never there: the caller recomputes everything, which is always right.
    return undefined;
  }
}

/** The files compactions of emr_events added since `version` (undefined: commits gone). */
async function readOldCommits(
  ctx: RunContext,
  version: number,
  until: number,
): Promise<Set<string> | undefined> {
  try {
    return await readRearrangedFiles(lakeTable(ctx, 'lh_silver', 'emr_events'), version, until);
  } catch {
    return undefined;
  }
}

/** Clinicians whose dimension row differs between two versions (the dimension is small). */
async function changedClinicians(ctx: RunContext, before: Snapshot, after: Snapshot): Promise<bigint[]> {
  await exposeSnapshot(ctx, 'lh_silver', 'clinician_dim', before, 'dim_before');
  await exposeSnapshot(ctx, 'lh_silver', 'clinician_dim', after, 'dim_after');
  const rows = await ctx.engine.db.readRows(
    `SELECT DISTINCT clinician_id::VARCHAR AS id FROM (
       (SELECT * FROM dim_after EXCEPT ALL SELECT * FROM dim_before)
       UNION ALL (SELECT * FROM dim_before EXCEPT ALL SELECT * FROM dim_after))`,
  );
  return rows.map((r) => BigInt(String(r.id)));
}
