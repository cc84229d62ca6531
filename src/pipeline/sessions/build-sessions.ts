import { performance } from 'node:perf_hooks';
import { readModelSql } from '../read-model.js';
import { exposeLatest, lakeTable, type RunContext } from '../run-context.js';
import { CLINICIAN_BUCKETS } from './clinician-buckets.js';
import { countBucketEvents } from './count-bucket-events.js';
import { eventsPerGroup } from './events-per-group.js';
import { planBucketGroups } from './plan-bucket-groups.js';

/**
 * Recomputes gold clinician_emr_sessions for the given clinician buckets (whole clinicians, so
 * session numbers stay exact) and replaces exactly those bucket partitions. Large lakes are done
 * in groups of buckets, each a `replaceWhere` overwrite, so memory stays bounded.
 *
 * `options.eventsPerGroup` overrides the group size derived from the lake's `engine.memoryLimit`.
 * `options.watermarks` go with the last group's commit only: the state they record is true
 * once every group is written. With no bucket to recompute but new watermarks (silver changed
 * in buckets nobody needs, or nothing at all), an empty commit records them.
 *
 * @example
 * await buildSessions(ctx, [3, 7]);
 */
export async function buildSessions(
  ctx: RunContext,
  buckets: number[] | 'all',
  options: {
    eventsPerGroup?: number;
    /** Input versions committed with the last group (session-watermarks.ts). */
    watermarks?: readonly { appId: string; version: number }[];
    reason?: string;
  } = {},
): Promise<void> {
  const started = performance.now();
  const events = await exposeLatest(ctx, 'lh_silver', 'emr_events');
  await exposeLatest(ctx, 'lh_silver', 'clinician_dim');
  const all = Array.from({ length: CLINICIAN_BUCKETS }, (_, i) => i);
  const chosen = buckets === 'all' ? all : [...new Set(buckets)].sort((a, b) => a - b);
  const table = lakeTable(ctx, 'lh_gold', 'clinician_emr_sessions');
  if (chosen.length === 0 || events === undefined) {
    const recorded = await recordWatermarks(ctx, options.watermarks ?? []);
    ctx.summary.steps.push({
      step: 'gold clinician_emr_sessions',
      ms: performance.now() - started,
      detail: `nothing to recompute${options.reason ? ` (${options.reason})` : ''}${recorded ? `, input versions recorded in version ${recorded}` : ''}`,
    });
    return;
  }
  await ctx.engine.db.run(readModelSql('gold', '_session_numbered', ctx.engine.name));
  const maxMinutes = ctx.lake.config.maxSessionMinutes ?? null;
  const capped = maxMinutes !== null;
  await ctx.engine.db.run(
    readModelSql('gold', capped ? '_session_events_capped' : '_session_events', ctx.engine.name),
  );
  // Capped sessions come from the shared model over the capped session_events; uncapped ones
  // from the engine's own version where it has one (Spark's, side by side with DuckDB's).
  const sql = readModelSql('gold', 'clinician_emr_sessions', capped ? 'duckdb' : ctx.engine.name);
  const perGroup = options.eventsPerGroup ?? eventsPerGroup(ctx.lake.config.engine?.memoryLimit ?? null);
  const groups = planBucketGroups(countBucketEvents(events, chosen), perGroup);
  let rows = 0;
  let version = -1;
  for (const [i, group] of groups.entries()) {
    const exists = await table.exists();
    const last = i === groups.length - 1;
    const result = await ctx.engine.writeQuery(table, {
      sql,
      params: {
        buckets: group,
        source_time_zone: ctx.lake.config.sourceTimeZone,
        max_session_us: capped ? maxMinutes * 60_000_000 : null,
      },
      mode: exists ? 'overwrite' : 'append',
      partitionBy: ['clinician_bucket'],
      ...(exists ? { replaceWhere: { clinician_bucket: group.map(String) } } : {}),
      ...(last && options.watermarks ? { watermarks: options.watermarks } : {}),
    });
    rows += result.rowsWritten;
    version = result.version;
  }
  ctx.summary.steps.push({
    step: 'gold clinician_emr_sessions',
    ms: performance.now() - started,
    detail: `${chosen.length} bucket(s) in ${groups.length} group(s)${options.reason ? ` (${options.reason})` : ''}, ${rows} sessions written, version ${version}`,
  });
}

/**
 * Commits the watermarks alone (no data change) when they moved, so the next run does not
 * diff the same silver versions again. Returns the version written, or undefined.
 */
async function recordWatermarks(
  ctx: RunContext,
  watermarks: readonly { appId: string; version: number }[],
): Promise<number | undefined> {
  const table = lakeTable(ctx, 'lh_gold', 'clinician_emr_sessions');
  if (watermarks.length === 0) return undefined;
  const snapshot = await exposeLatest(ctx, 'lh_gold', 'clinician_emr_sessions');
  if (snapshot === undefined || watermarks.every((w) => snapshot.appVersion(w.appId) === w.version))
    return undefined;
  const result = await ctx.engine.writeQuery(table, {
    sql: 'SELECT * FROM lh_gold.dbo.clinician_emr_sessions LIMIT 0',
    watermarks,
  });
  return result.version;
}
