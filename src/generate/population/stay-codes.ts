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
