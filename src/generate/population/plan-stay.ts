import type { Rng } from '../random/rng.js';
import { HOSPITAL_UNITS } from '../reference/hospital-units.js';
import { chooseUnit } from './choose-unit.js';
import { type DispositionInputs, drawDisposition } from './disposition-model.js';
import type { AdmitType, DrgCatalog, DrgEntry } from './drg-catalog.js';
import { LOS_SIGMA } from './drg-catalog.js';
import { ED_HISTORY, type Patient } from './patient.js';
import type { Stay } from './stay.js';
import { DISCHARGE_HOUR, ED_ARRIVAL_HOUR, ELECTIVE_ADMIT_HOUR, URGENT_ADMIT_HOUR } from './time-profiles.js';

const DAY = 86_400;
const YEAR = 365.25 * DAY;
const HALF_YEAR = 183 * DAY;
// Reused for every stay: a fresh inputs object per call was allocated (drawDisposition is not
// always inlined). planStay never runs re-entrantly.
const DISPOSITION_INPUTS: DispositionInputs = {
  age: 0,
  charlson: 0,
  frailty: 0.5,
  drgCode: '',
  drgMortality: 0.5,
  icu: false,
};

/** Why a patient arrives on a given day. */
export type ArrivalKind = 'new' | 'readmission' | 'later';

/** What the stay model needs from the simulation around it. */
export interface StayContext {
  catalog: DrgCatalog;
  /** Current occupancy (0–1+) of a unit, which lengthens ED boarding when the unit is full. */
  unitOccupancy(unit: number): number;
}

/**
 * Plans one stay of `patient` arriving on the day starting at `dayStart`: admit type (no
 * electives at weekends), DRG, unit, ED timeline with census-dependent boarding, LOS around the
 * DRG's GMLOS, disposition and the LACE-type features. Updates the patient's history.
 *
 * @example
 * const stay = planStay(rng, ctx, patient, 'new', dayStart);
 */
export function planStay(
  rng: Rng,
  ctx: StayContext,
  patient: Patient,
  kind: ArrivalKind,
  dayStart: number,
): Stay {
  const age = patient.ageAtFirst + Math.floor((dayStart - patient.firstSeenDay * DAY) / YEAR);
  const weekend = isWeekend(dayStart);
  const admitType = drawAdmitType(rng, age < 18 || kind === 'readmission', weekend);
  const drg = drawDrg(rng, ctx.catalog, patient, admitType, age, kind);
  if (patient.stays > 0 && rng.chance(0.12)) patient.charlson = Math.min(15, patient.charlson + 1);
  const unit = chooseUnit(rng, drg, age, patient);

  let edArrival: number | null = null;
  let edDecision: number | null = null;
  let admit: number;
  if (admitType === 'Emergency') {
    edArrival = dayStart + ED_ARRIVAL_HOUR.pick(rng) * 3600 + rng.int(3600);
    edDecision = edArrival + Math.round(Math.min(1440, rng.logNormal(170, 0.45)) * 60);
    const crowding = 1 + 4 * Math.max(0, ctx.unitOccupancy(unit) - 0.85);
    admit = edDecision + Math.round(Math.min(2160, rng.logNormal(75 * crowding, 0.9)) * 60);
  } else {
    const hour = (admitType === 'Urgent' ? URGENT_ADMIT_HOUR : ELECTIVE_ADMIT_HOUR).pick(rng);
    admit = dayStart + hour * 3600 + rng.int(3600);
  }

  const los = Math.max(
    1,
    Math.round(drg.losMedian * Math.exp(LOS_SIGMA * rng.normal() + 0.08 * patient.frailty)),
  );
  const inputs = DISPOSITION_INPUTS;
  inputs.age = age;
  inputs.charlson = patient.charlson;
  inputs.frailty = patient.frailty;
  inputs.drgCode = drg.code;
  inputs.drgMortality = drg.mortality;
  inputs.icu = HOSPITAL_UNITS[unit]!.name === 'ICU';
  const disposition = drawDisposition(rng, inputs);
  const dischargeDay = Math.floor(admit / DAY) + los;
  const dischargeHour = disposition === 'Expired' ? rng.int(24) : DISCHARGE_HOUR.pick(rng);
  const discharge = dischargeDay * DAY + dischargeHour * 3600 + rng.int(3600);

  const since = (edArrival ?? admit) - HALF_YEAR;
  let priorEd = 0;
  // Indexed, not for-of: the iterator and its results were allocated per stay (measured). Only
  // the slots written so far: a new patient's (most stays) are never read.
  const arrivals = patient.edArrivals;
  const filled = Math.min(patient.edCount, ED_HISTORY);
  for (let k = 0; k < filled; k++) if (arrivals[k]! >= since) priorEd++;
  const edVisitsPrior6m = priorEd + rng.poisson(Math.exp(-1.1 + 0.7 * patient.frailty));
  const base = HOSPITAL_UNITS[unit]!.baseAcuity;
  const acuity = base + 0.35 * (drg.relativeWeight - 1) + 0.08 * (patient.charlson - 2) + 0.3 * rng.normal();
  const stay: Stay = {
    patient,
    seq: -1,
    admitType,
    drg,
    icd10: drg.icd10[rng.chance(0.6) ? 0 : rng.int(drg.icd10.length)]!,
    unit,
    edArrival,
    edDecision,
    admit,
    discharge,
    los,
    disposition,
    age,
    charlson: patient.charlson,
    edVisitsPrior6m,
    // -Infinity before the first stay: never within 30 days.
    readmit: admit - patient.lastDischarge <= 30 * DAY,
    acuity: Math.round(Math.min(5, Math.max(1, acuity)) * 10) / 10,
  };
  if (edArrival !== null) {
    patient.edArrivals[patient.edCount++ % ED_HISTORY] = edArrival;
  }
  patient.lastDischarge = discharge;
  patient.lastDrg = drg;
  patient.stays++;
  return stay;
}

function isWeekend(dayStart: number): boolean {
  const weekday = (Math.floor(dayStart / DAY) + 4) % 7; // 1970-01-01 was a Thursday
  return weekday === 0 || weekday === 6;
}

function drawAdmitType(rng: Rng, unscheduled: boolean, weekend: boolean): AdmitType {
  const u = rng.float();
  if (unscheduled) return u < 0.85 ? 'Emergency' : 'Urgent';
  const elective = weekend ? 0.02 : 0.2;
  return u < elective ? 'Elective' : u < elective + 0.1 ? 'Urgent' : 'Emergency';
}

function drawDrg(
  rng: Rng,
  catalog: DrgCatalog,
  patient: Patient,
  admitType: AdmitType,
  age: number,
  kind: ArrivalKind,
): DrgEntry {
  if (kind === 'readmission' && patient.lastDrg !== null && rng.chance(0.35)) {
    const same = patient.lastDrg;
    if (same.elective < 0.5 && (age >= 18 || same.pediatric > 0)) return same;
  }
  return age < 18 ? catalog.pediatric.pick(rng) : catalog.adult[admitType].pick(rng);
}
