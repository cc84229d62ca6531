import { deriveStream } from '../random/derive-stream.js';
import { HOSPITAL_UNITS } from '../reference/hospital-units.js';
import type { DrgCatalog } from './drg-catalog.js';
import { createPatient } from './patient.js';
import { PatientTable } from './patient-table.js';
import { planStay } from './plan-stay.js';
import { PlannedStays } from './planned-stays.js';

/** What a typical stay looks like, estimated before the run. */
export interface PilotEstimate {
  /** Mean time in a bed, in days. */
  meanStayDays: number;
  /** Share of bed-days spent in each unit (HOSPITAL_UNITS order). */
  unitShare: number[];
}

const PILOT_STAYS = 20_000;
// A fixed stream, so the hospital's size and period depend on the options, never on the seed.
const PILOT_SEED = 20_240_401;

/**
 * Simulates a sample of stays with the real stay model to learn the mean length of stay and how
 * bed-days split across units, so the hospital can be sized before the run starts.
 *
 * @example
 * const { meanStayDays } = pilotEstimate(catalog); // about 4
 */
export function pilotEstimate(catalog: DrgCatalog): PilotEstimate {
  const rng = deriveStream(PILOT_SEED, 'pilot');
  const bedDays = new Array<number>(HOSPITAL_UNITS.length).fill(0);
  const start = Date.UTC(2024, 0, 1) / 1000;
  const patients = new PatientTable();
  const stays = new PlannedStays();
  const ctx = { catalog, unitOccupancy: () => 0.8 };
  let total = 0;
  for (let i = 0; i < PILOT_STAYS; i++) {
    const dayStart = start + (i % 364) * 86_400;
    const slot = createPatient(rng, patients, i, dayStart);
    stays.clear();
    const row = planStay(rng, ctx, patients, slot, 'new', dayStart, stays);
    patients.release(slot);
    const days = (stays.discharge[row]! - stays.admit[row]!) / 86_400;
    bedDays[stays.unit[row]!]! += days;
    total += days;
  }
  return { meanStayDays: total / PILOT_STAYS, unitShare: bedDays.map((d) => d / total) };
}
