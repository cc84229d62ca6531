import { readFile, rename, writeFile } from 'node:fs/promises';
import { configPath } from './lake-layout.js';

/**
 * Sets `staffedBeds` and `unitBeds` in a lake's `carelake.json`, keeping every other key as the
 * user wrote it. The file is replaced by rename, so a reader never sees half of it.
 *
 * @example
 * await writeHospitalBeds('/data/lake', { staffedBeds: 720, unitBeds: { ICU: 58, MedSurg: 302 } });
 */
export async function writeHospitalBeds(
  dir: string,
  beds: { staffedBeds: number; unitBeds: Record<string, number> },
): Promise<void> {
  const path = configPath(dir);
  const config = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  const next = { ...config, staffedBeds: beds.staffedBeds, unitBeds: beds.unitBeds };
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(next, null, 2)}\n`);
  await rename(temporary, path);
}
