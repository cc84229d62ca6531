import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/**
 * A fresh temporary folder, removed when the test file's process exits. Not in an `after` hook:
 * node:test runs those in the order they were registered, so a folder made before a server was
 * started would be removed while that server still flushes into it (its audit log's last commit).
 *
 * @example
 * const dir = tempDir('delta-');
 */
export function tempDir(prefix = 'carelake-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (made.length === 0)
    process.once('exit', () => {
      for (const d of made) rmSync(d, { recursive: true, force: true });
    });
  made.push(dir);
  return dir;
}
