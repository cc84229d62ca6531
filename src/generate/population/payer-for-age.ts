import type { Rng } from '../random/rng.js';
import { WeightedPicker } from '../random/weighted-picker.js';

const CHILD = new WeightedPicker([
  ['Medicaid', 50],
  ['Commercial', 47],
  ['Self-Pay', 3],
]);
const ADULT = new WeightedPicker([
  ['Commercial', 50],
  ['Medicaid', 30],
  ['Self-Pay', 12],
  ['Medicare', 8],
]);
const SENIOR = new WeightedPicker([
  ['Medicare', 60],
  ['Medicare Advantage', 34],
  ['Medicaid', 4],
  ['Commercial', 2],
]);

/**
 * A patient's payer given their age: children mostly Medicaid or commercial, working-age adults
 * mostly commercial, 65 and over Medicare or Medicare Advantage (plus disability Medicare and
 * dual-eligible Medicaid).
 *
 * @example
 * payerForAge(72, rng); // 'Medicare' or 'Medicare Advantage' most of the time
 */
export function payerForAge(age: number, rng: Rng): string {
  return (age < 18 ? CHILD : age < 65 ? ADULT : SENIOR).pick(rng);
}
