import { readFileSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { parseLockHolder } from './lock-holder.js';
import { lockPath } from './lock-path.js';

/**
 * Removes the lake's lock if this process holds it (its pid on this host), synchronously: for
 * signal handlers, which may run between the lock's publication and the moment its holder
 * object reaches the caller. Returns whether it removed one.
 *
 * @example
 * process.on('SIGTERM', () => { releaseOwnLockSync(lakeDir); process.exit(143); });
 */
export function releaseOwnLockSync(lakeDir: string): boolean {
  const path = lockPath(lakeDir);
  try {
    const holder = parseLockHolder(readFileSync(path, 'utf8'));
    if (holder?.pid !== process.pid || holder.host !== hostname()) return false;
    unlinkSync(path);
    return true;
  } catch {
    return false;
  }
}
