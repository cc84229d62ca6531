import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { hasErrorCode } from '../errors/has-error-code.js';
import { UsageError } from '../errors/usage-error.js';
import { defaultLakeConfig, type LakeConfig } from './lake-config.js';
import { configPath } from './lake-layout.js';

/** An opened lake: its folder and configuration. */
export interface Lake {
  dir: string;
  config: LakeConfig;
}

/**
 * Where the lake is: `--lake`, else `$CARELAKE_LAKE`, else `./lakehouse` (relative to `cwd`).
 *
 * @example
 * resolveLakeDir(undefined, { CARELAKE_LAKE: '/data/lake' }, '/home/me'); // '/data/lake'
 */
export function resolveLakeDir(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): string {
  return resolve(cwd, option ?? env.CARELAKE_LAKE ?? 'lakehouse');
}

/**
 * Reads a lake's configuration; a folder without `carelake.json` is a usage error that says
 * how to create one.
 *
 * @example
 * const lake = await readLake('/data/lake');
 */
export async function readLake(dir: string): Promise<Lake> {
  let text: string;
  try {
    text = await readFile(configPath(dir), 'utf8');
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT')) {
      throw new UsageError(
        `${dir} is not a carelake lake (no carelake.json); create it with 'carelake init --lake ${dir}'`,
      );
    }
    throw error;
  }
  let parsed: Partial<LakeConfig>;
  try {
    parsed = JSON.parse(text) as Partial<LakeConfig>;
  } catch (error) {
    throw new UsageError(
      `${configPath(dir)} is not valid JSON (${(error as Error).message}); fix or re-create it`,
    );
  }
  return { dir, config: { ...defaultLakeConfig(parsed.name ?? 'lake'), ...parsed } };
}
