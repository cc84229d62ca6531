import { join } from 'node:path';

/**
 * The run lock of a lake: `<lake>/carelake.lock`, beside carelake.json, outside the lakehouse
 * folders so a copy of the lake to OneLake or a Spark cluster never carries it.
 *
 * @example
 * lockPath('/data/lake'); // '/data/lake/carelake.lock'
 */
export function lockPath(lakeDir: string): string {
  return join(lakeDir, 'carelake.lock');
}
