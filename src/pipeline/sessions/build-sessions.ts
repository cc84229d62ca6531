import { performance } from 'node:perf_hooks';
import { writeTable } from '../../delta/write-table.js';
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
 *
 * @example
 * await buildSessions(ctx, [3, 7]);
 */
export async function buildSessions(
  ctx: RunContext,
  buckets: number[] | 'all',
  options: { eventsPerGroup?: number } = {},
): Promise<void> {
  const started = performance.now();
  const events = await exposeLatest(ctx, 'lh_silver', 'emr_events');
  await exposeLatest(ctx, 'lh_silver', 'clinician_dim');
  const all = Array.from({ length: CLINICIAN_BUCKETS }, (_, i) => i);
  const chosen = buckets === 'all' ? all : [...new Set(buckets)].sort((a, b) => a - b);
  if (chosen.length === 0 || events === undefined) {
    ctx.summary.steps.push({
      step: 'gold clinician_emr_sessions',
      ms: performance.now() - started,
      detail: 'nothing to recompute',
    });
    return;
  }
  await ctx.engine.db.run(readModelSql('gold', '_session_numbered'));
  const maxMinutes = ctx.lake.config.maxSessionMinutes ?? null;
  const capped = maxMinutes !== null;
  await ctx.engine.db.run(readModelSql('gold', capped ? '_session_events_capped' : '_session_events'));
  const sql = readModelSql('gold', 'clinician_emr_sessions');
  const perGroup = options.eventsPerGroup ?? eventsPerGroup(ctx.lake.config.engine?.memoryLimit ?? null);
  const groups = planBucketGroups(countBucketEvents(events, chosen), perGroup);
  const table = lakeTable(ctx, 'lh_gold', 'clinician_emr_sessions');
  let rows = 0;
  let version = -1;
  for (const group of groups) {
    const exists = await table.exists();
    const result = await writeTable(table, ctx.engine.writer, {
      source: {
        kind: 'query',
        sql,
        params: {
          buckets: group,
          source_time_zone: ctx.lake.config.sourceTimeZone,
          max_session_us: capped ? maxMinutes * 60_000_000 : null,
        },
      },
      mode: exists ? 'overwrite' : 'append',
      partitionBy: ['clinician_bucket'],
      ...(exists ? { replaceWhere: { clinician_bucket: group.map(String) } } : {}),
    });
    rows += result.rowsWritten;
    version = result.version;
  }
  ctx.summary.steps.push({
    step: 'gold clinician_emr_sessions',
    ms: performance.now() - started,
    detail: `${chosen.length} bucket(s) in ${groups.length} group(s), ${rows} sessions written, version ${version}`,
  });
}
