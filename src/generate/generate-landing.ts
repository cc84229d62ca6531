import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertUsableSalt } from '../privacy/salt-policy.js';
import { cliniciansCsv } from './datasets/clinicians-csv.js';
import { rolesCsv } from './datasets/roles-csv.js';
import { writeFaultSidecar } from './dirty/write-fault-sidecar.js';
import type { GenerateOptions, GenerateTuning } from './generate-options.js';
import { type GenerationManifest, generationManifest } from './generation-manifest.js';
import { type Progress, SILENT_PROGRESS } from './output/progress.js';
import { planRun } from './plan-run.js';
import { FAULTS_FILE, type GeneratedFile, MANIFEST_FILE, publishLanding } from './publish-landing.js';
import { validateOptions } from './validate-options.js';
import { writeSimulatedDatasets } from './write-simulated-datasets.js';

export { DEFAULT_PERIOD_END } from './plan-run.js';
export type { GeneratedFile } from './publish-landing.js';

/** What `generateLanding` did. */
export interface GenerateResult {
  files: GeneratedFile[];
  manifest: GenerationManifest;
  /** Faults injected (0 without --dirty). */
  faults: number;
}

/**
 * Generates the whole landing zone from one seed: clinicians.csv, roles.csv, and admissions,
 * claims, staffing and emr_events as Parquet or CSV, plus `_generation.json` and, with a dirty
 * rate, `_injected_faults.json`. Streams to disk through a temporary folder (Parquet is written
 * directly, row group by row group, with no CSV in between); the same options give
 * byte-identical files.
 *
 * @example
 * await generateLanding({ outDir: landingDir(lake), seed: 42, counts: SCALES.small, format: 'parquet', dirtyRate: 0, salt });
 */
export async function generateLanding(
  options: GenerateOptions,
  deps: { progress?: Progress; tuning?: GenerateTuning } = {},
): Promise<GenerateResult> {
  validateOptions(options);
  const progress = deps.progress ?? SILENT_PROGRESS;
  const tuning = deps.tuning ?? {};
  // Before any work: a missing or short salt stops the run with its message.
  assertUsableSalt(options.salt, 'the hash salt');
  const run = planRun(options);
  await mkdir(options.outDir, { recursive: true });
  const tmp = join(options.outDir, '.carelake-generate');
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp);
  try {
    const dirty = options.dirtyRate > 0;
    const simulated = await writeSimulatedDatasets(tmp, options, { ...run, progress, tuning });
    let faults = 0;
    if (dirty) {
      const header = { seed: options.seed, rate: options.dirtyRate, format: options.format };
      faults = await writeFaultSidecar(join(tmp, FAULTS_FILE), header, simulated.faults);
      for (const part of simulated.faults) await rm(part.path);
    }
    await writeFile(join(tmp, 'clinicians.csv'), cliniciansCsv(run.roster));
    await writeFile(join(tmp, 'roles.csv'), rolesCsv(run.roleMinutes));
    const rows = {
      clinicians: run.roster.length,
      roles: Object.keys(run.roleMinutes).length,
      ...simulated.rows,
    };
    const manifest = generationManifest(options, run.plan, rows, simulated.truth);
    await writeFile(join(tmp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    progress.end();
    const files = await publishLanding(tmp, options.outDir, { format: options.format, dirty, rows });
    return { files, manifest, faults };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
