import type { Rng } from '../random/rng.js';
import { HOSPITAL_UNITS } from '../reference/hospital-units.js';
import type { DrgEntry } from './drg-catalog.js';

const index = (name: string) => HOSPITAL_UNITS.findIndex((u) => u.name === name);
const [ICU, STEP_DOWN, TELEMETRY, MEDSURG, ONCOLOGY, PEDIATRICS] = [
  'ICU',
  'Step-Down',
  'Telemetry',
  'MedSurg',
  'Oncology',
  'Pediatrics',
].map(index) as [number, number, number, number, number, number];

/**
 * The unit a stay is cared for in: children in Pediatrics, most cancer patients' medical stays
 * in Oncology, otherwise ICU / Step-Down / Telemetry by the DRG's profile (frailer patients a
 * little more often in intensive care), and MedSurg for the rest.
 *
 * @example
 * chooseUnit(rng, drg, 72, false, 0.3); // index into HOSPITAL_UNITS
 */
export function chooseUnit(rng: Rng, drg: DrgEntry, age: number, cancer: boolean, frailty: number): number {
  if (age < 18) return PEDIATRICS;
  if (cancer && drg.procedure === undefined && rng.chance(0.6)) return ONCOLOGY;
  const severity = 1 + 0.25 * Math.max(0, frailty);
  const u = rng.float();
  if (u < drg.icu * severity) return ICU;
  if (u < (drg.icu + drg.stepDown) * severity) return STEP_DOWN;
  if (u < (drg.icu + drg.stepDown) * severity + drg.telemetry) return TELEMETRY;
  return MEDSURG;
}
