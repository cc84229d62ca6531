import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LakeConfig } from '../lakehouse/lake-config.js';

/**
 * The DuckDB options of a pipeline run from the lake's `engine` limits; spills go to the system
 * temp folder.
 *
 * @example
 * const engine = await DuckDbEngine.open(engineOptions(lake.config.engine));
 */
export function engineOptions(config: LakeConfig['engine'] | undefined) {
  return {
    ...(config?.memoryLimit ? { memoryLimit: config.memoryLimit } : {}),
    ...(config?.threads ? { threads: config.threads } : {}),
    tempDirectory: join(tmpdir(), 'carelake-spill'),
  };
}
