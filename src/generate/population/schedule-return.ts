import type { Rng } from '../random/rng.js';
import { laterStayProbability, type ReadmissionInputs, readmissionProbability } from './readmission-model.js';
import type { PendingReturn } from './return-queue.js';
import type { Stay } from './stay.js';

const DAY = 86_400;
// Reused for every discharge: the inputs objects were allocated per stay when the models were
// not inlined. scheduleReturn never runs re-entrantly.
const READMISSION_INPUTS: ReadmissionInputs = {
  age: 0,
  los: 1,
  charlson: 0,
  edVisitsPrior6m: 0,
  emergency: false,
  disposition: 'Home',
  frailty: 0.5,
};

/**
 * Decides whether and when the patient of `stay` comes back: a 30-day readmission (1–28 days
 * after the discharge date, most in the first two weeks), a later unrelated stay (32+ days, so
 * the two never blur at the 30-day line), or never (died, hospice, or simply well).
 *
 * @example
 * const next = scheduleReturn(rng, stay, periodStart, order);
 */
export function scheduleReturn(
  rng: Rng,
  stay: Stay,
  periodStart: number,
  order: number,
): PendingReturn | undefined {
  if (stay.disposition === 'Expired' || stay.disposition === 'Hospice') return undefined;
  const patient = stay.patient;
  const dischargeDay = Math.floor((stay.discharge - periodStart) / DAY);
  const inputs = READMISSION_INPUTS;
  inputs.age = stay.age;
  inputs.los = stay.los;
  inputs.charlson = stay.charlson;
  inputs.edVisitsPrior6m = stay.edVisitsPrior6m;
  inputs.emergency = stay.admitType === 'Emergency';
  inputs.disposition = stay.disposition;
  inputs.frailty = patient.frailty;
  const p = readmissionProbability(inputs);
  if (rng.float() < p) {
    const gap = 1 + Math.floor(27.999 * rng.float() ** 1.7);
    return { day: dischargeDay + gap, order, patient, kind: 'readmission' };
  }
  if (rng.float() < laterStayProbability(inputs)) {
    return { day: dischargeDay + 32 + Math.floor(rng.exponential(150)), order, patient, kind: 'later' };
  }
  return undefined;
}
