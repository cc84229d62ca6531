import { ingestLandingDataset } from '../bronze/ingest-landing-dataset.js';
import { exposeLatest, type RunContext } from '../run-context.js';
import { buildClinicianDim } from './build-clinician-dim.js';
import { buildSessionSummary } from './build-session-summary.js';
import { buildSessionTails } from './build-session-tails.js';
import { buildSessions } from './build-sessions.js';
import { buildSilverEmrEvents } from './build-silver-emr-events.js';
import { planSessionBuckets } from './plan-session-buckets.js';

/** The bronze tables the sessions pipeline ingests landing files into, in ingestion order. */
export const SESSIONS_BRONZE_MODELS = [
  'bronze_clinician_roles',
  'bronze_clinicians',
  'bronze_emr_events',
] as const;

/** Which layers of the sessions pipeline to run. */
export type Layers = { bronze: boolean; silver: boolean; gold: boolean };

/**
 * The clinician sessionization pipeline: landing CSV/Parquet → bronze (typed, quarantined) →
 * silver clinician_dim and emr_events (deduplicated, incremental) → gold clinician_emr_sessions
 * (only the clinician buckets whose events or clinicians changed since gold's watermarks; when
 * only events arrived, only each affected clinician's tail of sessions) and
 * the per-role daily summary.
 *
 * @example
 * await runSessionsPipeline(ctx, { bronze: true, silver: true, gold: true });
 */
export async function runSessionsPipeline(ctx: RunContext, layers: Layers): Promise<void> {
  if (layers.bronze) {
    for (const model of SESSIONS_BRONZE_MODELS) await ingestLandingDataset(ctx, model);
  }
  if (layers.silver) {
    await buildClinicianDim(ctx);
    await buildSilverEmrEvents(ctx);
  }
  if (layers.gold) {
    const events = await exposeLatest(ctx, 'lh_silver', 'emr_events');
    const dim = await exposeLatest(ctx, 'lh_silver', 'clinician_dim');
    if (events === undefined || dim === undefined) return;
    // What gold needs is read from gold's own watermarks, not from what this run's silver step
    // did: a run that died between silver and gold is finished by the next one.
    const plan = await planSessionBuckets(ctx, events, dim);
    if (!(await buildSessionTails(ctx, plan, events)))
      await buildSessions(ctx, plan.buckets, { watermarks: plan.watermarks, reason: plan.reason });
    await buildSessionSummary(ctx);
  }
}
