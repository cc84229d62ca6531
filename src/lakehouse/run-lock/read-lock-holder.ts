import { readFile } from 'node:fs/promises';
import { hasErrorCode } from '../../errors/has-error-code.js';
import { type LockHolder, parseLockHolder } from './lock-holder.js';

/** What a lock file says: absent, unreadable (not carelake's), or its holder. */
export type LockFileState =
  | { state: 'absent' }
  | { state: 'unreadable' }
  | { state: 'held'; holder: LockHolder };

/**
 * Reads the lock file at `path`.
 *
 * @example
 * const s = await readLockHolder(lockPath(lake)); // { state: 'held', holder: { pid: 7, … } }
 */
export async function readLockHolder(path: string): Promise<LockFileState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT')) return { state: 'absent' };
    throw error;
  }
  const holder = parseLockHolder(text);
  return holder === undefined ? { state: 'unreadable' } : { state: 'held', holder };
}
