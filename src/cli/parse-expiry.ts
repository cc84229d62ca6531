import { UsageError } from '../errors/usage-error.js';

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * `--expires`: a lifetime from `now` (45m, 12h, 90d) or an ISO 8601 date or instant in the
 * future. Pure.
 *
 * @example
 * parseExpiry('30d', new Date('2026-01-01T00:00:00Z')); // 2026-01-31T00:00:00.000Z
 */
export function parseExpiry(text: string, now: Date): Date {
  const m = /^(\d+)([mhd])$/.exec(text.trim());
  const at = m ? new Date(now.getTime() + Number(m[1]) * UNIT_MS[m[2]!]!) : new Date(text);
  if (Number.isNaN(at.getTime()) || (!m && !/^\d{4}-\d{2}-\d{2}/.test(text)))
    throw new UsageError(`--expires: "${text}" is not a lifetime (30d, 12h, 45m) or an ISO date`);
  if (at.getTime() <= now.getTime())
    throw new UsageError(`--expires: ${at.toISOString()} is not in the future`);
  return at;
}
