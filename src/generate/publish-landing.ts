import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** The sidecar listing injected faults. */
export const FAULTS_FILE = '_injected_faults.json';
/** The run manifest. */
export const MANIFEST_FILE = '_generation.json';

/**
 * Moves a finished run from the temporary folder into the landing zone, so a failed run never
 * leaves half-written files where the pipeline would ingest them. The other format's file of
 * each dataset, and a stale faults sidecar, are removed: the landing zone then holds exactly
 * this run.
 *
 * @example
 * await publishLanding(tmp, landing, ['admissions.parquet', 'clinicians.csv'], ['admissions.csv']);
 */
export async function publishLanding(
  tmp: string,
  landing: string,
  files: readonly string[],
  stale: readonly string[],
): Promise<void> {
  for (const name of stale) await rm(join(landing, name), { force: true });
  for (const name of files) await rename(join(tmp, name), join(landing, name));
}
