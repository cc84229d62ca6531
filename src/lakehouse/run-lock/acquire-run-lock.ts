import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { hasErrorCode } from '../../errors/has-error-code.js';
import { judgeLockHolder } from './judge-lock-holder.js';
import { LakeLockedError } from './lake-locked-error.js';
import { describeLockHolder, type LockHolder, parseLockHolder } from './lock-holder.js';
import { lockPath } from './lock-path.js';
import { readLockHolder } from './read-lock-holder.js';
import { readProcessAlive } from './read-process-alive.js';
import { readProcessStart } from './read-process-start.js';

/**
 * The lake-level run lock: at most one pipeline run per lake at a time.
 *
 * Guarantees (tested with real processes in test/lakehouse/run-lock.test.ts):
 * - Exclusive: the lock file is published with a hard link from a complete temporary file
 *   (put-if-absent, as Delta commits are), so exactly one process holds it and nobody ever
 *   reads a half-written holder.
 * - A process removes only the lock it took (a random token per acquisition), on release, on
 *   error (callers release in `finally`) and on SIGINT/SIGTERM (`releaseSync`).
 * - A lock whose holder is gone (its pid no longer runs on this host, or the pid was reused by a
 *   process that started later) is taken over, with a warning naming the dead holder. Takeovers
 *   are serialized by a second put-if-absent file, so two processes that both saw the dead lock
 *   cannot both take it, nor remove a live lock taken meanwhile.
 * - A lock from another host (shared storage) or one carelake cannot read is never broken:
 *   the caller waits or fails; `carelake unlock --force` removes it on a person's word.
 */

/** How to take the lock. */
export interface RunLockOptions {
  /** What the holder is doing, shown to whoever finds the lake busy, e.g. "carelake run all". */
  command: string;
  /** How long to wait for a lock held by someone else, in ms: 0 (default) fails at once, Infinity waits. */
  waitMs?: number;
  pollMs?: number;
  now?: () => Date;
  /** Receives the takeover warning and the "waiting for" line. */
  warn?: (line: string) => void;
}

/** A held lock. */
export interface RunLock {
  readonly holder: LockHolder;
  readonly path: string;
  /** Removes the lock if it is still ours. Idempotent. */
  release(): Promise<void>;
  /** The same, synchronously, for signal handlers. */
  releaseSync(): void;
}

/** A takeover mutex older than this belongs to a process that died while breaking a lock. */
const BREAK_STALE_MS = 10_000;

/**
 * Takes the run lock of the lake at `lakeDir`, waiting up to `waitMs` for a live holder.
 * Throws LakeLockedError (exit 2) naming the holder when it cannot.
 *
 * @example
 * const lock = await acquireRunLock('/data/lake', { command: 'carelake run all' });
 * try { … } finally { await lock.release(); }
 */
export async function acquireRunLock(lakeDir: string, options: RunLockOptions): Promise<RunLock> {
  const now = options.now ?? (() => new Date());
  const path = lockPath(lakeDir);
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    startedAt: now().toISOString(),
    command: options.command,
    token: randomUUID(),
    ...processStartOf(process.pid),
  };
  const temp = `${path}.${holder.token}.tmp`;
  await writeFile(temp, `${JSON.stringify(holder)}\n`, { flag: 'wx' });
  const deadline = Date.now() + (options.waitMs ?? 0);
  let announced = false;
  try {
    for (;;) {
      if (await tryLink(temp, path)) return heldLock(path, holder);
      const found = await readLockHolder(path);
      if (found.state === 'absent') continue;
      const other = found.state === 'held' ? found.holder : undefined;
      const alive = other !== undefined && readProcessAlive(other.pid, other.processStart);
      const verdict = judgeLockHolder(other, holder.host, alive);
      if (verdict === 'dead' && other !== undefined) {
        if (await breakDeadLock(path, other, holder.token)) {
          options.warn?.(
            `took over the lake lock of ${describeLockHolder(other, now())}: that process no longer runs`,
          );
        }
        continue;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw lockedError(lakeDir, path, other, verdict, now());
      if (!announced) {
        options.warn?.(
          `waiting for the lake lock, held by ${other ? describeLockHolder(other, now()) : 'an unreadable lock file'}`,
        );
        announced = true;
      }
      await sleep(Math.min(options.pollMs ?? 250, remaining));
    }
  } finally {
    await rm(temp, { force: true });
  }
}

function processStartOf(pid: number): { processStart?: string } {
  const start = readProcessStart(pid);
  return start === undefined ? {} : { processStart: start };
}

async function tryLink(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (error) {
    if (hasErrorCode(error, 'EEXIST')) return false;
    throw error;
  }
}

/** Removes `path` if it still holds the dead `stale` lock; true when this process removed it. */
async function breakDeadLock(path: string, stale: LockHolder, token: string): Promise<boolean> {
  const mutex = `${path}.break`;
  const mine = `${mutex}.${token}.tmp`;
  await writeFile(mine, token);
  try {
    if (!(await tryLink(mine, mutex))) {
      const since = await stat(mutex).then(
        (s) => s.mtimeMs,
        () => undefined,
      );
      if (since !== undefined && Date.now() - since > BREAK_STALE_MS) await rm(mutex, { force: true });
      else await sleep(50);
      return false;
    }
    try {
      const current = await readLockHolder(path);
      if (current.state !== 'held' || current.holder.token !== stale.token) return false;
      await unlink(path);
      return true;
    } finally {
      await rm(mutex, { force: true });
    }
  } finally {
    await rm(mine, { force: true });
  }
}

function heldLock(path: string, holder: LockHolder): RunLock {
  const ours = (text: string) => parseLockHolder(text)?.token === holder.token;
  let released = false;
  return {
    holder,
    path,
    async release() {
      if (released) return;
      released = true;
      const current = await readLockHolder(path);
      if (current.state === 'held' && current.holder.token === holder.token) await rm(path, { force: true });
    },
    releaseSync() {
      if (released) return;
      released = true;
      try {
        if (ours(readFileSync(path, 'utf8'))) unlinkSync(path);
      } catch {
        // Already gone: nothing to release.
      }
    },
  };
}

function lockedError(
  lakeDir: string,
  path: string,
  other: LockHolder | undefined,
  verdict: 'live' | 'foreign' | 'dead',
  now: Date,
): LakeLockedError {
  if (other === undefined) {
    return new LakeLockedError(
      lakeDir,
      undefined,
      `lake ${lakeDir} is locked by ${path}, which carelake cannot read; if no run is going on, remove it with 'carelake unlock --force --lake ${lakeDir}'`,
    );
  }
  const who = describeLockHolder(other, now);
  if (verdict === 'foreign') {
    return new LakeLockedError(
      lakeDir,
      other,
      `lake ${lakeDir} is busy: a run on another host holds its lock, ${who}; carelake cannot see whether it still runs. Wait for it (--wait[=DURATION]), or if you are sure it has stopped: carelake unlock --force --lake ${lakeDir}`,
    );
  }
  return new LakeLockedError(
    lakeDir,
    other,
    `lake ${lakeDir} is busy: another run holds its lock, ${who}; wait for it to finish, or queue behind it with --wait[=DURATION]`,
  );
}
