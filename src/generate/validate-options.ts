import { UsageError } from '../errors/usage-error.js';
import type { GenerateOptions } from './generate-options.js';

/** Largest count accepted for any dataset (ids have 10 digits). */
export const MAX_COUNT = 9_000_000_000;
/** Largest roster. */
export const MAX_CLINICIANS = 100_000;

/**
 * Refuses options that cannot produce a coherent landing zone, naming the value and the fix.
 *
 * @example
 * validateOptions({ ...options, dirtyRate: 2 }); // throws UsageError: dirty rate 2 …
 */
export function validateOptions(o: GenerateOptions): void {
  if (!Number.isSafeInteger(o.seed) || o.seed < 0) {
    throw new UsageError(`seed ${o.seed} is not a whole number ≥ 0; use e.g. --seed 42`);
  }
  for (const [name, n] of Object.entries(o.counts)) {
    if (!Number.isSafeInteger(n) || n < 0 || n > MAX_COUNT) {
      throw new UsageError(
        `${name} count ${n} is not a whole number from 0 to ${MAX_COUNT}; use e.g. --${name} 1000`,
      );
    }
  }
  if (o.counts.admissions < 1) {
    throw new UsageError(
      'admissions count 0: every other dataset refers to admissions; use --admissions 1 or more',
    );
  }
  if (o.counts.clinicians > MAX_CLINICIANS) {
    // Ids run from 1001 and injected unknown clinicians use 900000+, so the two never meet.
    throw new UsageError(
      `clinicians count ${o.counts.clinicians} is more than a roster can hold; use at most ${MAX_CLINICIANS}`,
    );
  }
  if (o.counts.events > 0 && o.counts.clinicians < 1) {
    throw new UsageError(
      `${o.counts.events} events need clinicians; use --clinicians 1 or more, or --events 0`,
    );
  }
  if (o.counts.staffing > 18 * 366 * 50) {
    throw new UsageError(
      `staffing count ${o.counts.staffing} is more than 50 years of unit-shifts (18 a day); use at most ${18 * 366 * 50}`,
    );
  }
  if (!(o.dirtyRate >= 0 && o.dirtyRate <= 0.5)) {
    throw new UsageError(
      `dirty rate ${o.dirtyRate} is not between 0 and 0.5; use e.g. --dirty 0.02 (2% of rows)`,
    );
  }
  for (const [unit, limit] of Object.entries(o.ratioLimits ?? {})) {
    if (!(typeof limit === 'number' && limit > 0)) {
      throw new UsageError(
        `ratio limit ${JSON.stringify(limit)} for unit ${unit} is not a positive number; fix ratioLimits in carelake.json`,
      );
    }
  }
  for (const [role, minutes] of Object.entries(o.roleInactivityMinutes ?? {})) {
    if (!(Number.isSafeInteger(minutes) && minutes > 0)) {
      throw new UsageError(
        `inactivity window ${JSON.stringify(minutes)} for role ${role} is not a whole number of minutes > 0; fix roleInactivityMinutes in carelake.json`,
      );
    }
  }
  if (o.beds !== undefined && !(Number.isSafeInteger(o.beds) && o.beds >= 6)) {
    throw new UsageError(
      `beds ${o.beds} is not a whole number ≥ 6 (one per unit); set staffedBeds in carelake.json`,
    );
  }
}
