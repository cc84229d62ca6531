import type { Rng } from '../random/rng.js';
import { WeightedPicker } from '../random/weighted-picker.js';
import { PAYER_NAMES } from './stay-codes.js';

// Pickers of payer codes (see PAYER_NAMES), weights by name.
const payers = (weights: readonly (readonly [string, number])[]) =>
  new WeightedPicker(weights.map(([name, w]) => [PAYER_NAMES.indexOf(name), w] as const));

const CHILD = payers([
  ['Medicaid', 50],
  ['Commercial', 47],
  ['Self-Pay', 3],
]);
const ADULT = payers([
  ['Commercial', 50],
  ['Medicaid', 30],
  ['Self-Pay', 12],
  ['Medicare', 8],
]);
const SENIOR = payers([
  ['Medicare', 60],
  ['Medicare Advantage', 34],
  ['Medicaid', 4],
  ['Commercial', 2],
]);

/**
 * The code (in PAYER_NAMES) of a patient's payer given their age: children mostly Medicaid or commercial, working-age adults
 * mostly commercial, 65 and over Medicare or Medicare Advantage (plus disability Medicare and
 * dual-eligible Medicaid).
 *
 * @example
 * PAYER_NAMES[payerForAge(72, rng)]; // 'Medicare' or 'Medicare Advantage' most of the time
 */
export function payerForAge(age: number, rng: Rng): number {
  return (age < 18 ? CHILD : age < 65 ? ADULT : SENIOR).pick(rng);
}
