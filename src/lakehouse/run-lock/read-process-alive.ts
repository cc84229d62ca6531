import { hasErrorCode } from '../../errors/has-error-code.js';
import { readProcessStart } from './read-process-start.js';

/**
 * True when the process `pid` that started at `processStart` (when known) still runs on this
 * host. A pid that exists but started at another time is a reused pid: the holder is gone.
 *
 * @example
 * readProcessAlive(process.pid, readProcessStart(process.pid)); // true
 */
export function readProcessAlive(pid: number, processStart: string | undefined): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if (!hasErrorCode(error, 'EPERM')) return false;
  }
  if (processStart === undefined) return true;
  const now = readProcessStart(pid);
  return now === undefined || now === processStart;
}
