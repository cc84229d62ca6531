import { UsageError } from '../../errors/usage-error.js';

/**
 * A seed: a whole number from 0 to 2^53 - 1.
 *
 * @example
 * parseSeed('42'); // 42
 */
export function parseSeed(text: string): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value)) {
    throw new UsageError(
      `--seed "${text}" is not a whole number from 0 to ${Number.MAX_SAFE_INTEGER}; use e.g. --seed 42`,
    );
  }
  return value;
}
