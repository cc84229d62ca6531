import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { landingDir, rejectedDir } from '../../lakehouse/lake-layout.js';

/**
 * Moves an unreadable landing file out of the landing zone into the lake's rejected folder
 * (`lh_bronze.Lakehouse/Files/rejected/healthcare/`) with `<name>.reason.json` beside it (the
 * file, the reason, when), so no later run trips over it and a person can see why. A file of
 * the same name rejected before is kept: the new one gets a time prefix. Returns where it went.
 *
 * @example
 * await moveLandingFileAside('/lake', 'emr_events_7.parquet', 'not a Parquet file', new Date());
 */
export async function moveLandingFileAside(
  lakeDir: string,
  name: string,
  reason: string,
  now: Date,
): Promise<string> {
  const dir = rejectedDir(lakeDir);
  await mkdir(dir, { recursive: true });
  let target = join(dir, name);
  if (await exists(target)) target = join(dir, `${now.toISOString().replace(/[:.]/g, '-')}_${name}`);
  await rename(join(landingDir(lakeDir), name), target);
  await writeFile(
    `${target}.reason.json`,
    `${JSON.stringify({ file: name, reason, rejected_at: now.toISOString() }, null, 2)}\n`,
  );
  return target;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
