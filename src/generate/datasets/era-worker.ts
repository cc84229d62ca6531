// Worker thread entry: simulates whole eras of the hospital and writes each era's admissions and
// claims as part files (see EncounterWriter), so eras run side by side on every core. Answers
// each `{ era }` with `{ type: 'done', result, stats }` once the era's parts are on disk.
import { parentPort, workerData } from 'node:worker_threads';
import { createMrnHexWriter } from '../../privacy/mrn-hex-writer.js';
import { buildDrgCatalog } from '../population/drg-catalog.js';
import type { Era } from '../population/era-plan.js';
import type { HospitalPlan } from '../population/plan-hospital.js';
import { PseudonymCache } from '../population/pseudonym-cache.js';
import { simulateEra } from '../population/simulate-era.js';
import { readDrgTable } from '../reference/drg-table.js';
import { encountersInThread } from './encounter-in-thread.js';
import { EncounterWriter } from './encounter-writer.js';

/** How the worker is started. */
export interface EraJob {
  dir: string;
  seed: number;
  /** Admissions of the whole run (the daily targets follow them). */
  admissions: number;
  plan: HospitalPlan;
  drgTablePath: string | undefined;
  /** The DRG catalog's LOS medians, as the planning thread solved them (see buildDrgCatalog). */
  losMedians: number[];
  salt: string;
}

const job = workerData as EraJob;
const catalog = buildDrgCatalog(readDrgTable(job.drgTablePath), job.losMedians);
// Eras never share a patient, so one cache serves them all.
const pseudonyms = new PseudonymCache(createMrnHexWriter(job.salt), job.seed);
const cfg = { seed: job.seed, admissions: job.admissions, plan: job.plan, catalog, pseudonymOf: undefined };
const port = parentPort!;
port.on('message', async ({ era }: { era: Era }) => {
  // The first era goes straight into the whole files (see WholeEncounterFiles): one copy fewer.
  const part = { name: era.index === 0 ? undefined : `era-${era.index}` };
  const out = encountersInThread(
    new EncounterWriter(job.dir, job.seed, [era], { catalog, pseudonyms, part }),
  );
  const stats = await simulateEra(cfg, era, { stay: (stays, row) => out.stay(stays, row), day() {} });
  const result = await out.close();
  port.postMessage({ type: 'done', result, stats });
});
