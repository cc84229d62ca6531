import type { AsOf } from '../engine/duckdb/register-lake-views.js';
import { UsageError } from '../errors/usage-error.js';

/**
 * `--as-of` is a table version (a non-negative integer) or an ISO 8601 timestamp.
 *
 * @example
 * parseAsOf('3'); // { version: 3 }
 * parseAsOf('2026-01-01T00:00:00Z'); // { timestamp: 2026-01-01T00:00:00.000Z }
 */
export function parseAsOf(text: string | undefined): AsOf {
  if (text === undefined) return undefined;
  if (/^\d+$/.test(text)) return { version: Number(text) };
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
  if (Number.isNaN(ms)) {
    throw new UsageError(
      `--as-of "${text}" is neither a version number nor a timestamp (use 12 or 2026-01-31T08:00:00Z)`,
    );
  }
  return { timestamp: new Date(ms) };
}
