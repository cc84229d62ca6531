import { PAYERS } from '../reference/payers.js';

/**
 * The few-valued text fields of a stay as small codes (index into these tables): the
 * simulation keeps codes in typed columns, and batches of stays sent to the encounter worker
 * hold typed arrays only (the strings they carried before were copied one by one by
 * postMessage). Admit types and dispositions have their tables beside the models that draw
 * them (ADMIT_TYPES, DISPOSITIONS).
 */
export const PAYER_NAMES: readonly string[] = Object.values(PAYERS).map((p) => p.name);
/** Gender codes, in code order. */
export const GENDERS = ['F', 'M', 'U'] as const;
export { DISPOSITIONS } from './disposition-model.js';
export { ADMIT_TYPES } from './drg-catalog.js';

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
