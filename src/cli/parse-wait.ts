import { UsageError } from '../errors/usage-error.js';
import { parseDuration } from './parse-duration.js';

/**
 * The `--wait[=DURATION]` option in milliseconds: absent → 0 (fail at once), bare `--wait`
 * (given here as '') → Infinity, else a number with a unit: 500ms, 30s, 5m, 2h (seconds when
 * no unit). Pure.
 *
 * @example
 * parseWait('5m'); // 300000
 */
export function parseWait(text: string | undefined): number {
  if (text === undefined) return 0;
  if (text === '') return Number.POSITIVE_INFINITY;
  try {
    return parseDuration(text, '--wait');
  } catch {
    throw new UsageError(
      `--wait: "${text}" is not a duration; use --wait alone to wait as long as it takes, or --wait=30s, 5m, 2h`,
    );
  }
}

/**
 * Rewrites a bare `--wait` to `--wait=`, so a strict option parser reads it as an optional value.
 *
 * @example
 * normalizeWaitFlag(['all', '--wait']); // ['all', '--wait=']
 */
export function normalizeWaitFlag(args: readonly string[]): string[] {
  return args.map((a) => (a === '--wait' ? '--wait=' : a));
}
