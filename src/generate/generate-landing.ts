import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createMrnHasher } from '../privacy/mrn-hasher.js';
import { convertAllToParquet } from './convert-all-to-parquet.js';
import { cliniciansCsv } from './datasets/clinicians-csv.js';
import { rolesCsv } from './datasets/roles-csv.js';
import { writeFaultSidecar } from './dirty/write-fault-sidecar.js';
import { buildRoster } from './emr/clinician.js';
import { planEmr } from './emr/emr-plan.js';
import type { GenerateOptions, GenerateTuning } from './generate-options.js';
import { type GenerationManifest, generationManifest } from './generation-manifest.js';
import { type Progress, SILENT_PROGRESS } from './output/progress.js';
import { buildDrgCatalog } from './population/drg-catalog.js';
import { pilotEstimate } from './population/pilot-estimate.js';
import { planHospital } from './population/plan-hospital.js';
import { FAULTS_FILE, MANIFEST_FILE, publishLanding } from './publish-landing.js';
import { deriveStream } from './random/derive-stream.js';
import { readDrgTable } from './reference/drg-table.js';
import { ROLE_PROFILES } from './reference/role-profiles.js';
import { validateOptions } from './validate-options.js';
import { writeSimulatedDatasets } from './write-simulated-datasets.js';

/** The default end of the simulated period (exclusive): the day after the seed sample's date. */
export const DEFAULT_PERIOD_END = new Date('2025-04-01T00:00:00Z');

/** One file written to the landing zone. */
export interface GeneratedFile {
  name: string;
  rows: number;
  bytes: number;
}

/** What `generateLanding` did. */
export interface GenerateResult {
  files: GeneratedFile[];
  manifest: GenerationManifest;
  /** Faults injected (0 without --dirty). */
  faults: number;
}

const SIMULATED = ['admissions', 'claims', 'staffing', 'emr_events'] as const;

/**
 * Generates the whole landing zone from one seed: clinicians.csv, roles.csv, and admissions,
 * claims, staffing and emr_events as Parquet or CSV, plus `_generation.json` and, with a dirty
 * rate, `_injected_faults.json`. Streams to disk; the same options give byte-identical files.
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
  const hashMrn = createMrnHasher(options.salt, 'the hash salt');
  const catalog = buildDrgCatalog(readDrgTable(options.drgTablePath));
  const pilot = pilotEstimate(catalog);
  const periodEnd = Math.floor((options.periodEnd ?? DEFAULT_PERIOD_END).getTime() / 86_400_000) * 86_400;
  const plan = planHospital(
    {
      admissions: options.counts.admissions,
      staffing: options.counts.staffing,
      beds: options.beds ?? 350,
      periodEnd,
    },
    pilot,
  );
  const roleMinutes: Record<string, number> = {
    ...Object.fromEntries(ROLE_PROFILES.map((p) => [p.role, p.defaultInactivityMinutes])),
    ...options.roleInactivityMinutes,
  };
  const roster = buildRoster(
    deriveStream(options.seed, 'clinicians'),
    options.counts.clinicians,
    roleMinutes,
    pilot.unitShare,
  );
  const emrPlan = planEmr(options.counts.events, roster, plan.periodStart, plan.periodDays);

  await mkdir(options.outDir, { recursive: true });
  const tmp = join(options.outDir, '.carelake-generate');
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp);
  try {
    const dirty = options.dirtyRate > 0;
    const emr = {
      seed: options.seed,
      clinicians: options.counts.clinicians,
      events: options.counts.events,
      roleMinutes,
      unitShare: pilot.unitShare,
      periodStart: plan.periodStart,
      periodDays: plan.periodDays,
    };
    const simulated = await writeSimulatedDatasets(tmp, options, {
      plan,
      catalog,
      emr,
      emrPlan,
      hashMrn,
      progress,
      tuning,
    });
    let faults = 0;
    if (dirty) {
      const header = { seed: options.seed, rate: options.dirtyRate, format: options.format };
      faults = await writeFaultSidecar(join(tmp, FAULTS_FILE), header, simulated.faults);
      for (const part of simulated.faults) await rm(part.path);
    }
    await writeFile(join(tmp, 'clinicians.csv'), cliniciansCsv(roster));
    await writeFile(join(tmp, 'roles.csv'), rolesCsv(roleMinutes));
    if (options.format === 'parquet')
      await convertAllToParquet(tmp, tuning.parallelConversions ?? 2, progress);
    const rows: Record<string, number> = {
      clinicians: roster.length,
      roles: Object.keys(roleMinutes).length,
      ...simulated.rows,
    };
    const manifest = generationManifest(options, plan, rows, simulated.truth);
    await writeFile(join(tmp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    progress.end();

    const other = options.format === 'parquet' ? 'csv' : 'parquet';
    const names = [
      'clinicians.csv',
      'roles.csv',
      ...SIMULATED.map((d) => `${d}.${options.format}`),
      MANIFEST_FILE,
      ...(dirty ? [FAULTS_FILE] : []),
    ];
    const stale = [...SIMULATED.map((d) => `${d}.${other}`), ...(dirty ? [] : [FAULTS_FILE])];
    const files: GeneratedFile[] = [];
    for (const name of names) {
      const dataset = name.replace(/\.(csv|parquet)$/, '');
      files.push({ name, rows: rows[dataset] ?? 0, bytes: (await stat(join(tmp, name))).size });
    }
    await publishLanding(tmp, options.outDir, names, stale);
    return { files, manifest, faults };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
