import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { LandingFile } from './landing-file.js';
import { landingFilePattern } from './landing-file-pattern.js';

/**
 * The landing files of one dataset: `<prefix>.csv`, `<prefix>.parquet` and any
 * `<prefix>_<suffix>.csv|parquet` (later deliveries), in name order. With `only`, just the
 * files of that name (a watch batch): the others are neither hashed nor returned.
 *
 * @example
 * await readLandingFiles('/lake/lh_bronze.Lakehouse/Files/landing/healthcare', 'emr_events');
 */
export async function readLandingFiles(
  dir: string,
  prefix: string,
  only?: ReadonlySet<string>,
): Promise<LandingFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const pattern = landingFilePattern(prefix);
  const files: LandingFile[] = [];
  for (const name of names.sort()) {
    const m = pattern.exec(name);
    if (!m || (only !== undefined && !only.has(name))) continue;
    const path = join(dir, name);
    files.push({
      name,
      path,
      format: m[1]!.toLowerCase() as 'csv' | 'parquet',
      ...(await hashFile(path)),
    });
  }
  return files;
}

async function hashFile(path: string): Promise<{ contentHash: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { contentHash: hash.digest('hex').slice(0, 16), bytes };
}
