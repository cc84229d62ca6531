import { UsageError } from '../../errors/usage-error.js';

/**
 * A dirty-data rate: a fraction (`0.02`) or a percentage (`2%`), from 0 to 0.5.
 *
 * @example
 * parseRate('2%'); // 0.02
 */
export function parseRate(text: string): number {
  const t = text.trim();
  const percent = t.endsWith('%');
  const value = Number(percent ? t.slice(0, -1) : t) / (percent ? 100 : 1);
  if (t === '' || t === '%' || !(value >= 0 && value <= 0.5)) {
    throw new UsageError(
      `--dirty "${text}" is not a rate from 0 to 0.5; use e.g. --dirty 0.02 or --dirty 2%`,
    );
  }
  return value;
}
