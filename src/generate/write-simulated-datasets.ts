import { join } from 'node:path';
import type { MrnHasher } from '../privacy/mrn-hasher.js';
import { admissionFields } from './datasets/admission-fields.js';
import { ClaimCountAllocator } from './datasets/claim-count-allocator.js';
import { claimFields } from './datasets/claim-fields.js';
import { eventFields } from './datasets/event-fields.js';
import { LANDING_DATASETS, type LandingDataset } from './datasets/landing-schemas.js';
import { planClaims } from './datasets/plan-claims.js';
import { staffingId } from './datasets/record-ids.js';
import { staffingDay } from './datasets/staffing-day.js';
import type { FaultLog } from './dirty/fault-log.js';
import type { Clinician } from './emr/clinician.js';
import { EmrActivity } from './emr/emr-activity.js';
import type { EmrPlan } from './emr/emr-plan.js';
import type { GenerateOptions, GenerateTuning } from './generate-options.js';
import type { GenerationManifest } from './generation-manifest.js';
import type { Progress } from './output/progress.js';
import { openRowOutput } from './output/row-output.js';
import type { DrgCatalog } from './population/drg-catalog.js';
import type { HospitalPlan } from './population/plan-hospital.js';
import { simulateHospital } from './population/simulate-hospital.js';
import { deriveStream } from './random/derive-stream.js';

/** The simulated datasets, written as CSV into `dir`. */
export interface SimulatedDatasets {
  rows: Record<LandingDataset['name'], number>;
  truth: GenerationManifest['truth'];
}

/**
 * Runs the hospital simulation once and streams all four simulated datasets from it (admissions,
 * claims of each admission, staffing from each day's census, EMR events of each day's shifts) to
 * `<dir>/<dataset>.csv`. Each dataset draws from its own random stream, so changing one count
 * never changes another dataset.
 *
 * @example
 * const { rows } = await writeSimulatedDatasets(dir, options, { plan, catalog, roster, emrPlan, hashMrn, log, progress });
 */
export async function writeSimulatedDatasets(
  dir: string,
  options: GenerateOptions,
  x: {
    plan: HospitalPlan;
    catalog: DrgCatalog;
    roster: readonly Clinician[];
    emrPlan: EmrPlan;
    hashMrn: MrnHasher;
    log: FaultLog | undefined;
    progress: Progress;
    tuning: GenerateTuning;
  },
): Promise<SimulatedDatasets> {
  const { seed, counts } = options;
  const open = (d: LandingDataset) =>
    openRowOutput(join(dir, `${d.name}.csv`), d, {
      seed,
      format: options.format,
      rate: options.dirtyRate,
      log: x.log,
      ...(x.tuning.bufferBytes === undefined ? {} : { bufferBytes: x.tuning.bufferBytes }),
    });
  const out = {
    admissions: open(LANDING_DATASETS.admissions),
    claims: open(LANDING_DATASETS.claims),
    staffing: open(LANDING_DATASETS.staffing),
    emr_events: open(LANDING_DATASETS.emr_events),
  };
  const claimsRng = deriveStream(seed, 'claims');
  const staffingRng = deriveStream(seed, 'staffing');
  const allocator = new ClaimCountAllocator(counts.claims, counts.admissions);
  const ratioLimits = options.ratioLimits ?? {};
  let claimSeq = 0;
  let staffingSeq = 0;
  let eventSeq = 0;
  let deniedClaims = 0;
  const emr = new EmrActivity(deriveStream(seed, 'emr'), x.roster, x.emrPlan, (event) =>
    out.emr_events.write(eventFields(eventSeq++, event, x.roster)),
  );
  x.progress.phase('simulating hospital', x.plan.periodDays);
  const stats = await simulateHospital(
    { seed, admissions: counts.admissions, plan: x.plan, catalog: x.catalog, hashMrn: x.hashMrn },
    {
      stay(stay) {
        out.admissions.write(admissionFields(stay));
        const n = allocator.next(claimsRng, stay);
        if (n === 0) return;
        for (const line of planClaims(claimsRng, stay, n)) {
          if (line.denial !== '') deniedClaims++;
          out.claims.write(claimFields(claimSeq++, stay, line));
        }
      },
      day(day, dayStart, census) {
        if (day >= x.plan.staffingFirstDay) {
          const rows = staffingDay(staffingRng, census, dayStart, ratioLimits);
          const skip = day === x.plan.staffingFirstDay ? x.plan.staffingSkip : 0;
          for (const row of rows.slice(skip)) out.staffing.write([staffingId(staffingSeq++), ...row]);
        }
        emr.day(day, dayStart, census);
        x.progress.advance(day + 1);
      },
    },
  );
  emr.finish();
  for (const o of Object.values(out)) o.close();
  return {
    rows: {
      admissions: out.admissions.file.rows,
      claims: out.claims.file.rows,
      staffing: out.staffing.file.rows,
      emr_events: out.emr_events.file.rows,
    },
    truth: { ...stats, deniedClaims, emrSessions: emr.sessions },
  };
}
