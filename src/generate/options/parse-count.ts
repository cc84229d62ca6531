import { UsageError } from '../../errors/usage-error.js';

const SUFFIX: Readonly<Record<string, number>> = { '': 1, k: 1e3, m: 1e6, g: 1e9 };

/**
 * A row count from the command line: digits, optionally with _ or , separators and a k/M/G
 * suffix (`25000`, `25_000`, `25k`, `1M`). Anything else is a UsageError naming the option.
 *
 * @example
 * parseCount('events', '10M'); // 10_000_000
 */
export function parseCount(option: string, text: string): number {
  const match = /^(\d[\d_,]*)(\.\d+)?([kmg]?)$/i.exec(text.trim());
  const value =
    match === null
      ? Number.NaN
      : Number(`${match[1]!.replace(/[_,]/g, '')}${match[2] ?? ''}`) * SUFFIX[match[3]!.toLowerCase()]!;
  if (!Number.isSafeInteger(value)) {
    throw new UsageError(
      `--${option} "${text}" is not a whole number of rows; use e.g. --${option} 10000 or 10k`,
    );
  }
  return value;
}
