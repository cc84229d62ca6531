import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { hasErrorCode } from '../../errors/has-error-code.js';
import { landingFilePattern } from '../landing/landing-file-pattern.js';
import { readModelMeta } from '../read-model.js';
import { PIPELINE_TABLES } from '../run-pipeline.js';
import type { FileStamp } from './settle-landing-files.js';

/**
 * The landing files some bronze model ingests (by its landing prefix), each with its size and
 * modification time. Other names (temporary files being written, sidecars) are left out. A file
 * that disappears between the listing and its stat is left out too.
 *
 * @example
 * const listing = await readLandingListing('/lake/lh_bronze.Lakehouse/Files/landing/healthcare');
 */
export async function readLandingListing(dir: string): Promise<Map<string, FileStamp>> {
  const patterns = PIPELINE_TABLES.filter(([lakehouse]) => lakehouse === 'lh_bronze').map(([, model]) =>
    landingFilePattern(readModelMeta('bronze', model).landing!.prefix),
  );
  const out = new Map<string, FileStamp>();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT')) return out;
    throw error;
  }
  for (const name of names) {
    if (!patterns.some((p) => p.test(name))) continue;
    try {
      const s = await stat(join(dir, name));
      if (s.isFile()) out.set(name, { size: s.size, mtimeMs: s.mtimeMs });
    } catch (error) {
      if (!hasErrorCode(error, 'ENOENT')) throw error;
    }
  }
  return out;
}
