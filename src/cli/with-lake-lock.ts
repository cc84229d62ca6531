import { acquireRunLock, type RunLockOptions } from '../lakehouse/run-lock/acquire-run-lock.js';
import { releaseOwnLockSync } from '../lakehouse/run-lock/release-own-lock-sync.js';
import type { CommandIO } from './command.js';

const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * Runs `work` holding the lake's run lock: taken first (waiting up to `waitMs`), released when
 * `work` ends, also on error, and on SIGINT/SIGTERM, which then stop the process (exit 130/143).
 * Stopping mid-write is safe: a Delta commit is atomic, an interrupted write leaves only
 * unreferenced files that vacuum removes.
 *
 * @example
 * await withLakeLock(lake.dir, { command: 'carelake run all' }, io, () => runPipeline(ctx, 'all'));
 */
export async function withLakeLock<T>(
  lakeDir: string,
  options: RunLockOptions,
  io: CommandIO,
  work: () => Promise<T>,
): Promise<T> {
  // Installed before the lock is taken: a signal between its publication and this function
  // seeing it must still remove it.
  const onSignal = (signal: NodeJS.Signals) => {
    const released = releaseOwnLockSync(lakeDir);
    io.stderr.write(`carelake: stopped by ${signal}${released ? '; the lake lock is released' : ''}\n`);
    process.exit(SIGNAL_EXIT[signal] ?? 1);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let lock: Awaited<ReturnType<typeof acquireRunLock>>;
  try {
    lock = await acquireRunLock(lakeDir, {
      warn: (line) => io.stderr.write(`carelake: ${line}\n`),
      ...options,
    });
  } catch (error) {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    throw error;
  }
  try {
    return await work();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await lock.release();
  }
}
