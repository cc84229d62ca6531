import { maskedSsnSerial } from '../../privacy/synthetic-ssn.js';
import type { Rng } from '../random/rng.js';
import type { PatientTable } from './patient-table.js';
import { payerForAge } from './payer-for-age.js';

const DAY = 86_400;

/**
 * Draws a new patient arriving at `time` into a slot of `patients` and returns the slot: age
 * (5% children, adults centred on the mid-60s), gender, payer by age, hidden frailty,
 * comorbidity burden, a synthetic masked SSN. The draws, in this order, define the patient
 * stream: changing it changes every run's data.
 *
 * @example
 * const slot = createPatient(rng, patients, 0, time);
 */
export function createPatient(rng: Rng, patients: PatientTable, index: number, time: number): number {
  const child = rng.chance(0.05);
  const age = child ? rng.int(18) : Math.min(100, Math.max(18, Math.round(64 + 17 * rng.normal())));
  const frailty = rng.normal();
  const charlsonMean = child ? 0.1 : Math.exp(-0.35 + 0.035 * (age - 60) + 0.45 * frailty);
  const u = rng.float();
  const slot = patients.claim();
  patients.index[slot] = index;
  patients.ssnSerial[slot] = maskedSsnSerial((n) => rng.int(n));
  patients.gender[slot] = u < 0.52 ? 0 : u < 0.995 ? 1 : 2; // F, M, U (GENDERS)
  patients.payer[slot] = payerForAge(age, rng);
  patients.ageAtFirst[slot] = age;
  patients.firstSeenDay[slot] = time / DAY;
  patients.frailty[slot] = frailty;
  patients.cancer[slot] = !child && rng.chance(0.03 + 0.0015 * Math.max(0, age - 40)) ? 1 : 0;
  patients.charlson[slot] = Math.min(15, rng.poisson(charlsonMean));
  return slot;
}
