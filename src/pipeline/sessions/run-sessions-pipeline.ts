import { ingestLandingDataset } from '../bronze/ingest-landing-dataset.js';
import { exposeLatest, type RunContext } from '../run-context.js';
import { buildClinicianDim } from './build-clinician-dim.js';
import { buildSessionSummary } from './build-session-summary.js';
import { buildSessions } from './build-sessions.js';
import { buildSilverEmrEvents } from './build-silver-emr-events.js';
import { clinicianBucket } from './clinician-buckets.js';

/** Which layers of the sessions pipeline to run. */
export type Layers = { bronze: boolean; silver: boolean; gold: boolean };

/**
 * The clinician sessionization pipeline: landing CSV/Parquet → bronze (typed, quarantined) →
 * silver clinician_dim and emr_events (deduplicated, incremental) → gold clinician_emr_sessions
 * (only the affected clinician buckets) and the per-role daily summary.
 *
 * @example
 * await runSessionsPipeline(ctx, { bronze: true, silver: true, gold: true });
 */
export async function runSessionsPipeline(ctx: RunContext, layers: Layers): Promise<void> {
  if (layers.bronze) {
    for (const model of ['bronze_clinician_roles', 'bronze_clinicians', 'bronze_emr_events'])
      await ingestLandingDataset(ctx, model);
  }
  let buckets: number[] | 'all' = [];
  if (layers.silver) {
    const changed = await buildClinicianDim(ctx);
    const fromEvents = await buildSilverEmrEvents(ctx);
    buckets =
      changed === 'all' || fromEvents === 'all'
        ? 'all'
        : [...new Set([...fromEvents, ...changed.map((id) => clinicianBucket(id))])];
  }
  if (layers.gold) {
    if (!layers.silver || ctx.fullRefresh) buckets = 'all';
    const sessionsExist = (await exposeLatest(ctx, 'lh_gold', 'clinician_emr_sessions')) !== undefined;
    await buildSessions(ctx, sessionsExist ? buckets : 'all');
    if (buckets === 'all' || buckets.length > 0 || !sessionsExist) await buildSessionSummary(ctx);
  }
}
