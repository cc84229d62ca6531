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
   * emr_events as the sessions last saw it, when silver only gained files since then and
   * clinician_dim is unchanged: the sessions' tails can then be recomputed alone
   * (build-session-tails.ts).
   */
  eventsBefore?: Snapshot;
}

/**
 * Compares the input versions gold clinician_emr_sessions was last computed from (its
 * watermarks) with silver's current ones: the buckets whose emr_events files changed in
 * between (added or removed files, by partition value) and the buckets of clinicians whose
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
  let eventsBefore: Snapshot | undefined;
  if (eventsAt !== events.version) {
    const before = await readOld(ctx, 'emr_events', eventsAt);
    if (before === undefined) return all(`emr_events version ${eventsAt} can no longer be read`);
    for (const b of changedBuckets(before, events)) buckets.add(b);
    const now = new Set(events.files.map((f) => f.path));
    if (dimAt === dim.version && before.files.every((f) => now.has(f.path))) eventsBefore = before;
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
    ...(eventsBefore ? { eventsBefore } : {}),
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

/** Buckets holding a file that one snapshot has and the other has not. */
function changedBuckets(before: Snapshot, after: Snapshot): number[] {
  const old = new Set(before.files.map((f) => f.path));
  const now = new Set(after.files.map((f) => f.path));
  const changed = new Set<number>();
  for (const f of after.files) if (!old.has(f.path)) changed.add(Number(f.partitionValues.clinician_bucket));
  for (const f of before.files) if (!now.has(f.path)) changed.add(Number(f.partitionValues.clinician_bucket));
  return [...changed];
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
