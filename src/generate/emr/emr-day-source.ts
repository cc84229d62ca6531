import { deriveStream } from '../random/derive-stream.js';
import { buildRoster } from './clinician.js';
import type { EmrDaySource } from './emr-day.js';
import type { EmrJob } from './emr-job.js';
import { planEmr } from './emr-plan.js';

/**
 * The roster (same seed and stream as clinicians.csv) and event plan of a job: every thread
 * that generates its days builds the same ones.
 *
 * @example
 * const day = generateEmrDay(emrDaySource(job), d, dayStart, census);
 */
export function emrDaySource(job: EmrJob): EmrDaySource {
  const roster = buildRoster(
    deriveStream(job.seed, 'clinicians'),
    job.clinicians,
    job.roleMinutes,
    job.unitShare,
  );
  return { seed: job.seed, roster, plan: planEmr(job.events, roster, job.periodStart, job.periodDays) };
}
