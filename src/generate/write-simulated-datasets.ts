import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createMrnHexWriter } from '../privacy/mrn-hex-writer.js';
import { encountersInThread } from './datasets/encounter-in-thread.js';
import { type EncounterOutput, textEncounterOutput } from './datasets/encounter-output.js';
import { EncounterThread } from './datasets/encounter-thread.js';
import { type EncounterResult, EncounterWriter } from './datasets/encounter-writer.js';
import { LANDING_DATASETS, type LandingDataset } from './datasets/landing-schemas.js';
import { staffingId } from './datasets/record-ids.js';
import { staffingDay } from './datasets/staffing-day.js';
import { writeErasInThreads } from './datasets/write-eras-in-threads.js';
import type { FaultPart } from './dirty/write-fault-sidecar.js';
import type { EmrJob } from './emr/emr-job.js';
import type { EmrPlan } from './emr/emr-plan.js';
import { openEmrWriter } from './emr/emr-writer.js';
import type { GenerateOptions, GenerateTuning } from './generate-options.js';
import type { GenerationManifest } from './generation-manifest.js';
import type { Progress } from './output/progress.js';
import { openRowOutput } from './output/row-output.js';
import type { DrgCatalog } from './population/drg-catalog.js';
import { planEras } from './population/era-plan.js';
import type { HospitalPlan } from './population/plan-hospital.js';
import { PseudonymCache } from './population/pseudonym-cache.js';
import type { SimulationStats } from './population/simulate-era.js';
import { simulateHospital } from './population/simulate-hospital.js';
import { deriveStream } from './random/derive-stream.js';
import { HOSPITAL_UNITS } from './reference/hospital-units.js';

/** The simulated datasets, written into `dir` in the run's format. */
export interface SimulatedDatasets {
  rows: Record<LandingDataset['name'], number>;
  truth: GenerationManifest['truth'];
  /** Each dataset's fault file and counts, in sidecar order (empty without --dirty). */
  faults: FaultPart[];
}

/**
 * Runs with at least this many events generate them in a worker thread, and encode a clean
 * Parquet file in another, unless told otherwise.
 */
export const EMR_WORKER_THRESHOLD = 100_000;

/** Runs with at least this many admissions write admissions and claims in a worker thread. */
export const ENCOUNTER_WORKER_THRESHOLD = 50_000;

/** Threads that simulate eras side by side, when a run allows it (see writeErasInThreads). */
export const ERA_THREADS = Math.max(1, Math.min(2, availableParallelism()));

/**
 * Runs the hospital simulation once and streams all four simulated datasets from it (admissions,
 * claims of each admission, staffing from each day's census, EMR events of each day's shifts) to
 * `<dir>/<dataset>.<format>`. Each dataset draws from its own random stream, so changing one count
 * never changes another dataset. EMR events (the bulk of a large run) are written by a worker
 * thread fed one census per day, when there are many; so are admissions and claims, in batches
 * of stays, in a clean Parquet run.
 *
 * @example
 * const { rows } = await writeSimulatedDatasets(dir, options, { plan, catalog, emr, emrPlan, progress, tuning });
 */
export async function writeSimulatedDatasets(
  dir: string,
  options: GenerateOptions,
  x: {
    plan: HospitalPlan;
    catalog: DrgCatalog;
    emr: Omit<EmrJob, 'dir' | 'output'>;
    emrPlan: EmrPlan;
    progress: Progress;
    tuning: GenerateTuning;
  },
): Promise<SimulatedDatasets> {
  const { seed, counts } = options;
  const output = {
    seed,
    format: options.format,
    rate: options.dirtyRate,
    ...(x.tuning.bufferBytes === undefined ? {} : { bufferBytes: x.tuning.bufferBytes }),
  };
  const open = (d: LandingDataset) => openRowOutput(dir, d, output);
  const staffing = open(LANDING_DATASETS.staffing);
  // Clean Parquet: admissions and claims go to the columns as typed values, in a worker thread
  // for big runs. Otherwise as text rows, through the fault injector with --dirty.
  const typed = options.format === 'parquet' && options.dirtyRate <= 0;
  const text = typed
    ? undefined
    : { admissions: open(LANDING_DATASETS.admissions), claims: open(LANDING_DATASETS.claims) };
  const encounterWorker =
    text === undefined && (x.tuning.encounterWorker ?? counts.admissions >= ENCOUNTER_WORKER_THRESHOLD);
  const emrWorker = x.tuning.emrWorker ?? counts.events >= EMR_WORKER_THRESHOLD;
  // When every written patient goes through a typed writer (which hashes by patient index, in
  // the encounter worker or in this thread) and EMR threads hash their census patients
  // themselves, the simulation hands no pseudonym strings around: hashing stays off the
  // serial start of an EMR run (the days before its first EMR day). The bytes are the same.
  const hashInWriters = typed && (emrWorker || counts.events === 0);
  const salt = hashInWriters ? { salt: options.salt } : {};
  // Typed admissions always hash in their writer (the batches carry numbers only).
  const eras = planEras(x.plan, counts);
  const encounterJob = {
    dir,
    seed,
    eras,
    drgTablePath: options.drgTablePath,
    losMedians: x.catalog.entries.map((e) => e.losMedian),
    salt: options.salt,
  };
  // One cache for every pseudonym this thread needs (the census's, the typed writer's, the
  // packed batches'): each patient is hashed once here, not once per use.
  const pseudonyms = new PseudonymCache(createMrnHexWriter(options.salt), seed);
  // The worker writes claims too: when they outnumber admissions it is the busier thread, and
  // the simulating one (waiting on it) hashes instead. The same bytes either way.
  const hashBeforeWorker = x.tuning.hashBeforeWorker ?? counts.claims > counts.admissions;
  const emr = openEmrWriter(
    {
      ...x.emr,
      dir,
      output,
      fileThread: x.tuning.emrFileThread ?? counts.events >= EMR_WORKER_THRESHOLD,
      dayThread: x.tuning.emrDayThread ?? counts.events >= EMR_WORKER_THRESHOLD,
      ...salt,
    },
    HOSPITAL_UNITS.length,
    emrWorker,
  );
  x.progress.phase('simulating hospital', x.plan.periodDays);
  // With no staffing or EMR events, no day needs the census in order: eras are simulated side
  // by side in threads, each writing its own part of the admissions and claims files.
  const eraThreads =
    x.tuning.eraThreads ?? (counts.admissions >= ENCOUNTER_WORKER_THRESHOLD ? ERA_THREADS : 0);
  const parallel = typed && eraThreads > 0 && eras.length > 1 && counts.staffing === 0 && counts.events === 0;
  let stats: SimulationStats;
  let written: EncounterResult;
  if (parallel) {
    const eraJob = { ...encounterJob, admissions: counts.admissions, plan: x.plan };
    try {
      ({ stats, result: written } = await writeErasInThreads(eraJob, eras, eraThreads, (n) =>
        x.progress.advance(eras[n - 1]!.endDay),
      ));
    } catch (error) {
      await emr.abort();
      staffing.close();
      throw error;
    }
    staffing.close();
  } else {
    const encounters: EncounterOutput =
      text !== undefined
        ? textEncounterOutput(seed, eras, x.catalog, text.admissions, text.claims)
        : encounterWorker
          ? new EncounterThread(encounterJob, hashBeforeWorker ? pseudonyms : undefined)
          : encountersInThread(new EncounterWriter(dir, seed, eras, { catalog: x.catalog, pseudonyms }));
    const staffingRng = deriveStream(seed, 'staffing');
    const ratioLimits = options.ratioLimits ?? {};
    let staffingSeq = 0;
    try {
      stats = await simulateHospital(
        {
          seed,
          admissions: counts.admissions,
          plan: x.plan,
          catalog: x.catalog,
          pseudonymOf: hashInWriters ? undefined : (patient) => pseudonyms.of(patient),
        },
        eras,
        {
          stay: (stays, row) => encounters.stay(stays, row),
          async day(day, dayStart, census) {
            if (day >= x.plan.staffingFirstDay) {
              const rows = staffingDay(staffingRng, census, dayStart, ratioLimits);
              const skip = day === x.plan.staffingFirstDay ? x.plan.staffingSkip : 0;
              for (const row of rows.slice(skip)) staffing.write([staffingId(staffingSeq++), ...row]);
            }
            await encounters.drain();
            if (day >= x.emrPlan.firstDay) await emr.day(day, dayStart, census);
            x.progress.advance(day + 1);
          },
        },
      );
    } catch (error) {
      await emr.abort();
      await encounters.abort();
      staffing.close();
      throw error;
    }
    staffing.close();
    written = await encounters.close();
  }
  const events = await emr.finish();
  const rows = {
    admissions: written.admissions,
    claims: written.claims,
    staffing: staffing.file.rows,
    emr_events: events.rows,
  };
  const deniedClaims = written.deniedClaims;
  const faults: FaultPart[] = [];
  if (options.dirtyRate > 0) {
    const out = { admissions: text!.admissions, claims: text!.claims, staffing };
    for (const [dataset, o] of Object.entries(out)) {
      faults.push({ dataset, path: o.faults!.path, rows: o.file.rows, counts: o.faults!.counts });
    }
    faults.push({
      dataset: 'emr_events',
      path: join(dir, 'faults-emr_events.jsonl'),
      rows: events.rows,
      counts: events.faults ?? {},
    });
  }
  return { rows, truth: { ...stats, deniedClaims, emrSessions: events.sessions }, faults };
}
