import { performance } from 'node:perf_hooks';
import type { Snapshot } from '../../delta/snapshot.js';
import type { QueryPart } from '../../engine/engine.js';
import { readModelSql } from '../read-model.js';
import { exposeLatest, exposeSnapshot, lakeTable, type RunContext } from '../run-context.js';
import { CLINICIAN_BUCKETS } from './clinician-buckets.js';
import { eventsPerGroup } from './events-per-group.js';
import { filesHoldingTails } from './files-holding-tails.js';
import type { SessionBucketPlan } from './plan-session-buckets.js';

/**
 * Recomputes only the tail of each clinician that received events: when silver emr_events
 * gained files since the sessions' watermark (none removed, clinician_dim unchanged, no session
 * cap), a clinician's sessions that end more than its threshold before its earliest new event
 * cannot change (a session only grows or merges through an event within the threshold), nor
 * can their numbers. The clinician's events from its first other session on go through the
 * unchanged clinician_emr_sessions model (silver emr_events is shown to it restricted to those
 * events), and its session numbers are shifted by the sessions kept: session_id and
 * split_cause ('inactivity' after a kept session) come out as a full recomputation gives them
 * (test/pipeline/watch-splits.test.ts compares with one run over all events).
 *
 * The write is a file-level copy-on-write (test/pipeline/sessions-tail-files.test.ts): every
 * replaced session starts at or after the earliest instant recomputed in its bucket, so only the
 * files of the changed buckets whose statistics reach their bucket's instant are removed, and re-added without the
 * replaced sessions and with the new ones; the other files stay as they are. Each changed
 * bucket gets one recent file (its newest file is rewritten with it while smaller than
 * SETTLE_ROWS sessions, so new sessions do not add a file per batch), and the rewritten sessions
 * that start before that instant go to a file of their own once they are SETTLE_ROWS or more,
 * so later batches (whose events come later) rewrite only the small recent files. The watermarks are committed with it. Returns
 * false, writing nothing, when the plan does not allow it or the tails exceed one bucket
 * group's memory; the caller then recomputes whole buckets.
 *
 * @example
 * if (!(await buildSessionTails(ctx, plan, events))) await buildSessions(ctx, plan.buckets, …);
 */
export async function buildSessionTails(
  ctx: RunContext,
  plan: SessionBucketPlan,
  events: Snapshot,
  /** `settleRows` overrides SETTLE_ROWS (tests). */
  options: { settleRows?: number } = {},
): Promise<boolean> {
  if (!ctx.engine.rewritesFiles) return false;
  if (plan.seenEventFiles === undefined || plan.buckets === 'all' || plan.buckets.length === 0) return false;
  if (ctx.lake.config.maxSessionMinutes !== null && ctx.lake.config.maxSessionMinutes !== undefined)
    return false;
  const started = performance.now();
  const db = ctx.engine.db;
  const sessions = await exposeLatest(ctx, 'lh_gold', 'clinician_emr_sessions');
  if (sessions === undefined) return false;
  const seen = plan.seenEventFiles;
  await exposeSnapshot(
    ctx,
    'lh_silver',
    'emr_events',
    events.withFiles(events.files.filter((f) => !seen.has(f.path))),
    'new_silver_events',
  );
  await exposeSnapshot(ctx, 'lh_silver', 'emr_events', events, 'all_silver_events');
  // Per clinician with new events: the sessions kept (they end more than the threshold before
  // the earliest new event) and the first instant to recompute from.
  await db.run(`CREATE OR REPLACE TEMP TABLE session_tails AS
    WITH new_min AS (SELECT clinician_id, min(event_timestamp) AS t_min FROM new_silver_events GROUP BY 1),
    marked AS (
      SELECT n.clinician_id, n.t_min, s.session_start_time,
             epoch_us(n.t_min) - epoch_us(s.session_end_time) > s.session_threshold_minutes * 60000000::BIGINT AS kept
      FROM new_min AS n LEFT JOIN lh_gold.dbo.clinician_emr_sessions AS s ON s.clinician_id = n.clinician_id
    )
    SELECT clinician_id, count(*) FILTER (WHERE kept) AS kept_sessions,
           least(any_value(t_min), coalesce(min(session_start_time) FILTER (WHERE NOT kept), any_value(t_min))) AS recompute_from
    FROM marked GROUP BY clinician_id`);
  // The tails, at most one bucket group's worth (else whole buckets are cheaper to bound). The
  // earliest instant is a constant, so Parquet row groups entirely before it are skipped.
  const limit = eventsPerGroup(ctx.lake.config.engine?.memoryLimit ?? null);
  const [from] = await db.readRows('SELECT epoch_us(min(recompute_from)) AS us FROM session_tails');
  await db.run(
    `CREATE OR REPLACE TEMP TABLE tail_events AS
     SELECT e.* FROM all_silver_events AS e JOIN session_tails AS t USING (clinician_id)
     WHERE e.event_timestamp >= make_timestamptz($from_us::BIGINT) AND e.event_timestamp >= t.recompute_from
     LIMIT $limit`,
    { from_us: Number(from!.us), limit: Number.isFinite(limit) ? limit + 1 : 2 ** 53 },
  );
  const [count] = await db.readRows('SELECT count(*) AS n FROM tail_events');
  if (Number(count!.n) > limit) {
    await db.run('DROP TABLE tail_events');
    return false;
  }
  try {
    // The model reads lh_silver.dbo.emr_events: for this query, just the tails. Its sessions
    // are numbered on from each clinician's kept ones, once, into a table every file reads.
    await db.run('CREATE OR REPLACE VIEW lh_silver.dbo.emr_events AS SELECT * FROM tail_events');
    await db.run(readModelSql('gold', '_session_numbered', ctx.engine.name));
    await db.run(readModelSql('gold', '_session_events', ctx.engine.name));
    const model = readModelSql('gold', 'clinician_emr_sessions', ctx.engine.name);
    const number = "CAST(split_part(session_id, '_S', 2) AS BIGINT)";
    await db.run(
      `CREATE OR REPLACE TEMP TABLE tail_sessions AS
       SELECT m.* REPLACE (
                m.clinician_id::VARCHAR || '_S' || (${number.replace('session_id', 'm.session_id')} + t.kept_sessions) AS session_id,
                CASE WHEN t.kept_sessions > 0 AND m.split_cause = 'first' THEN 'inactivity' ELSE m.split_cause END AS split_cause)
       FROM (${model}) AS m JOIN session_tails AS t USING (clinician_id)`,
      { buckets: plan.buckets, source_time_zone: ctx.lake.config.sourceTimeZone, max_session_us: null },
    );
    await exposeLatest(ctx, 'lh_silver', 'emr_events');
    // Only the files that may hold a replaced session are rewritten (file-level copy-on-write):
    // their other sessions are copied, the tails' replaced ones dropped, the new ones added.
    await db.run(
      `CREATE OR REPLACE TEMP TABLE tail_from AS
       SELECT CAST(((clinician_id % $n) + $n) % $n AS INTEGER) AS clinician_bucket, min(recompute_from) AS from_time
       FROM session_tails GROUP BY 1`,
      { n: CLINICIAN_BUCKETS },
    );
    const fromUs = new Map(
      (await db.readRows('SELECT clinician_bucket AS b, epoch_us(from_time) AS us FROM tail_from')).map(
        (r) => [Number(r.b), Number(r.us)],
      ),
    );
    const settleRows = options.settleRows ?? SETTLE_ROWS;
    const rewritten = filesHoldingTails(sessions.files, fromUs, settleRows);
    await exposeSnapshot(
      ctx,
      'lh_gold',
      'clinician_emr_sessions',
      sessions.withFiles(rewritten),
      'rewritten_sessions',
    );
    await db.run(
      `CREATE OR REPLACE TEMP TABLE tail_rewrite AS
       SELECT s.*, coalesce(s.session_start_time < f.from_time, false) AS settled
       FROM rewritten_sessions AS s
       LEFT JOIN session_tails AS t USING (clinician_id)
       LEFT JOIN tail_from AS f ON f.clinician_bucket = s.clinician_bucket
       WHERE t.clinician_id IS NULL OR ${number.replace('session_id', 's.session_id')} <= t.kept_sessions
       UNION ALL BY NAME
       SELECT *, false AS settled FROM tail_sessions`,
    );
    const sources = await planTailFiles(ctx, plan.buckets, settleRows);
    const result = await ctx.engine.writeQuery(lakeTable(ctx, 'lh_gold', 'clinician_emr_sessions'), {
      sql: sources[0]!.sql,
      parts: sources,
      mode: 'overwrite',
      replaceWhere: { clinician_bucket: plan.buckets.map(String) },
      replaceFiles: rewritten.map((f) => f.path),
      watermarks: plan.watermarks,
    });
    ctx.summary.steps.push({
      step: 'gold clinician_emr_sessions',
      ms: performance.now() - started,
      detail: `${plan.buckets.length} bucket(s), the tails of ${await countTails(ctx)} clinician(s) from their first changed session (${plan.reason}), ${Number(count!.n)} events recomputed, ${rewritten.length} of ${sessions.files.length} file(s) rewritten, ${result.rowsWritten} sessions written, version ${result.version}`,
    });
    return true;
  } finally {
    await exposeLatest(ctx, 'lh_silver', 'emr_events');
    for (const t of ['tail_events', 'tail_sessions', 'tail_rewrite', 'tail_from'])
      await db.run(`DROP TABLE IF EXISTS ${t}`);
  }
}

/**
 * Sessions a bucket's recent file may hold before its settled ones (starting before every tail
 * recomputed now) are written to a file of their own, which later batches leave in place.
 */
const SETTLE_ROWS = 5000;

/**
 * One source per bucket: its recent file (the new tails and everything else rewritten), and,
 * when the rewritten sessions that start before the recomputed tails number `settleRows` or
 * more, a second file holding those, so the recent file stays small and the next batches
 * rewrite only it.
 */
async function planTailFiles(
  ctx: RunContext,
  buckets: readonly number[],
  settleRows: number,
): Promise<QueryPart[]> {
  const rows = await ctx.engine.db.readRows(
    'SELECT clinician_bucket AS b, count(*) FILTER (WHERE settled) AS settled FROM tail_rewrite GROUP BY 1',
  );
  const settled = new Map(rows.map((r) => [Number(r.b), Number(r.settled)]));
  const sources: QueryPart[] = [];
  for (const bucket of buckets) {
    const part = (where: string): QueryPart => ({
      sql: `SELECT * EXCLUDE (settled) FROM tail_rewrite WHERE clinician_bucket = $bucket AND ${where}`,
      params: { bucket },
      partitionValues: { clinician_bucket: String(bucket) },
    });
    if ((settled.get(bucket) ?? 0) >= settleRows) sources.push(part('settled'), part('NOT settled'));
    else sources.push(part('true'));
  }
  return sources;
}

async function countTails(ctx: RunContext): Promise<number> {
  const [row] = await ctx.engine.db.readRows('SELECT count(*) AS n FROM session_tails');
  return Number(row!.n);
}
