import type { Rng } from '../random/rng.js';
import { DISPOSITIONS, EXPIRED, HOSPICE } from './disposition-model.js';
import type { PlannedStays } from './planned-stays.js';
import { laterStayProbability, type ReadmissionInputs, readmissionProbability } from './readmission-model.js';
import type { ReturnQueue } from './return-queue.js';

const DAY = 86_400;
const EMERGENCY = 0; // admit type code (ADMIT_TYPES)
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
 * Decides whether and when the patient of row `row` of `stays` (with hidden `frailty`) comes
 * back: a 30-day readmission (1–28 days after the discharge date, most in the first two weeks),
 * a later unrelated stay (32+ days, so the two never blur at the 30-day line), or never (died,
 * hospice, or simply well). A return before the era's `endDay` is queued in `returns`; the
 * result says whether it was, so the caller frees the slot of a patient who will not be back.
 *
 * @example
 * if (!scheduleReturn(rng, stays, row, frailty, { periodStart, endDay, returns })) patients.release(slot);
 */
export function scheduleReturn(
  rng: Rng,
  stays: PlannedStays,
  row: number,
  frailty: number,
  era: { periodStart: number; endDay: number; returns: ReturnQueue },
): boolean {
  const disposition = stays.disposition[row]!;
  if (disposition === EXPIRED || disposition === HOSPICE) return false;
  const dischargeDay = Math.floor((stays.discharge[row]! - era.periodStart) / DAY);
  const inputs = READMISSION_INPUTS;
  inputs.age = stays.age[row]!;
  inputs.los = stays.los[row]!;
  inputs.charlson = stays.charlson[row]!;
  inputs.edVisitsPrior6m = stays.edVisits[row]!;
  inputs.emergency = stays.admitType[row] === EMERGENCY;
  inputs.disposition = DISPOSITIONS[disposition]!;
  inputs.frailty = frailty;
  const p = readmissionProbability(inputs);
  if (rng.float() < p) {
    const gap = 1 + Math.floor(27.999 * rng.float() ** 1.7);
    return queue(era, dischargeDay + gap, stays.slot[row]!, 'readmission');
  }
  if (rng.float() < laterStayProbability(inputs)) {
    return queue(era, dischargeDay + 32 + Math.floor(rng.exponential(150)), stays.slot[row]!, 'later');
  }
  return false;
}

function queue(
  era: { endDay: number; returns: ReturnQueue },
  day: number,
  slot: number,
  kind: 'readmission' | 'later',
): boolean {
  if (day >= era.endDay) return false;
  era.returns.push(day, slot, kind);
  return true;
}
