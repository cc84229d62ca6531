import { type Disposition, SURVIVED } from '../population/disposition-model.js';
import type { AdmitType } from '../population/drg-catalog.js';
import { PAYERS } from '../reference/payers.js';

/**
 * The few-valued text fields of a stay as small codes (index into these tables), so a batch of
 * stays sent to the encounter worker holds typed arrays only: the strings it carried before were
 * copied one by one by postMessage, a visible share of the simulating thread's time.
 */
export const PAYER_NAMES: readonly string[] = Object.values(PAYERS).map((p) => p.name);
/** Gender codes, in code order. */
export const GENDERS = ['F', 'M', 'U'] as const;
/** Admit type codes, in code order. */
export const ADMIT_TYPES: readonly AdmitType[] = ['Emergency', 'Urgent', 'Elective'];
/** Disposition codes, in code order. */
export const DISPOSITIONS: readonly Disposition[] = [...SURVIVED, 'Expired'];

/**
 * The code of `value` in `table` (its index); throws on a value the table lacks, which would be
 * a new category added without its code.
 *
 * @example
 * codeOf(GENDERS, 'M'); // 1
 */
export function codeOf<T>(table: readonly T[], value: T): number {
  const code = table.indexOf(value);
  if (code < 0) throw new Error(`no code for ${String(value)}`);
  return code;
}
