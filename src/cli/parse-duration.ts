import { UsageError } from '../errors/usage-error.js';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * A duration option in milliseconds: a number with a unit, 500ms, 30s, 5m, 2h (seconds when no
 * unit). Anything else is a UsageError naming `option` and the value. Pure.
 *
 * @example
 * parseDuration('5s', '--interval'); // 5000
 */
export function parseDuration(text: string, option: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (m === null)
    throw new UsageError(`${option}: "${text}" is not a duration; write it as 500ms, 30s, 5m or 2h`);
  return Number(m[1]) * UNITS[m[2] ?? 's']!;
}
