import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The sidecar listing injected faults. */
export const FAULTS_FILE = '_injected_faults.json';
/** The run manifest. */
export const MANIFEST_FILE = '_generation.json';

const SIMULATED = ['admissions', 'claims', 'staffing', 'emr_events'] as const;

/** One file written to the landing zone. */
export interface GeneratedFile {
  name: string;
  rows: number;
  bytes: number;
}

/**
 * Moves a finished run from the temporary folder into the landing zone, so a failed run never
 * leaves half-written files where the pipeline would ingest them. The other format's file of
 * each dataset, and a stale faults sidecar, are removed: the landing zone then holds exactly
 * this run. Returns the files with their row counts and sizes.
 *
 * @example
 * const files = await publishLanding(tmp, landing, { format: 'parquet', dirty: false, rows });
 */
export async function publishLanding(
  tmp: string,
  landing: string,
  run: { format: 'parquet' | 'csv'; dirty: boolean; rows: Readonly<Record<string, number>> },
): Promise<GeneratedFile[]> {
  const other = run.format === 'parquet' ? 'csv' : 'parquet';
  const names = [
    'clinicians.csv',
    'roles.csv',
    ...SIMULATED.map((d) => `${d}.${run.format}`),
    MANIFEST_FILE,
    ...(run.dirty ? [FAULTS_FILE] : []),
  ];
  const stale = [...SIMULATED.map((d) => `${d}.${other}`), ...(run.dirty ? [] : [FAULTS_FILE])];
  const files: GeneratedFile[] = [];
  for (const name of names) {
    const dataset = name.replace(/\.(csv|parquet)$/, '');
    files.push({ name, rows: run.rows[dataset] ?? 0, bytes: (await stat(join(tmp, name))).size });
  }
  for (const name of stale) await rm(join(landing, name), { force: true });
  for (const name of names) await rename(join(tmp, name), join(landing, name));
  return files;
}
