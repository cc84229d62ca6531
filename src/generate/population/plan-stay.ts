import type { Rng } from '../random/rng.js';
import { HOSPITAL_UNITS } from '../reference/hospital-units.js';
import { chooseUnit } from './choose-unit.js';
import { type DispositionInputs, drawDisposition, EXPIRED } from './disposition-model.js';
import type { DrgCatalog, DrgEntry } from './drg-catalog.js';
import { LOS_SIGMA } from './drg-catalog.js';
import { ED_HISTORY, type PatientTable } from './patient-table.js';
import type { PlannedStays } from './planned-stays.js';
import { DISCHARGE_HOUR, ED_ARRIVAL_HOUR, ELECTIVE_ADMIT_HOUR, URGENT_ADMIT_HOUR } from './time-profiles.js';

const DAY = 86_400;
const YEAR = 365.25 * DAY;
const HALF_YEAR = 183 * DAY;
// Admit type codes (ADMIT_TYPES).
const EMERGENCY = 0;
const URGENT = 1;
const ELECTIVE = 2;
const ICU = HOSPITAL_UNITS.findIndex((u) => u.name === 'ICU');
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
 * Plans one stay of the patient in `slot` arriving on the day starting at `dayStart`, as a new
 * row of `out` (returned): admit type (no electives at weekends), DRG, unit, ED timeline with
 * census-dependent boarding, LOS around the DRG's GMLOS, disposition and the LACE-type
 * features. Updates the patient's history. The draws, in this order, define the stay stream.
 *
 * @example
 * const row = planStay(rng, ctx, patients, slot, 'new', dayStart, stays);
 */
export function planStay(
  rng: Rng,
  ctx: StayContext,
  patients: PatientTable,
  slot: number,
  kind: ArrivalKind,
  dayStart: number,
  out: PlannedStays,
): number {
  const age = patients.ageAtFirst[slot]! + Math.floor((dayStart - patients.firstSeenDay[slot]! * DAY) / YEAR);
  const frailty = patients.frailty[slot]!;
  const admitType = drawAdmitType(rng, age < 18 || kind === 'readmission', isWeekend(dayStart));
  const drg = drawDrg(rng, ctx.catalog, patients.lastDrg[slot]!, admitType, age, kind);
  let charlson = patients.charlson[slot]!;
  if (patients.stays[slot]! > 0 && rng.chance(0.12)) {
    charlson = Math.min(15, charlson + 1);
    patients.charlson[slot] = charlson;
  }
  const unit = chooseUnit(rng, drg, age, patients.cancer[slot] === 1, frailty);

  let edArrival = Number.NaN;
  let edDecision = Number.NaN;
  let admit: number;
  if (admitType === EMERGENCY) {
    edArrival = dayStart + ED_ARRIVAL_HOUR.pick(rng) * 3600 + rng.int(3600);
    edDecision = edArrival + Math.round(Math.min(1440, rng.logNormal(170, 0.45)) * 60);
    const crowding = 1 + 4 * Math.max(0, ctx.unitOccupancy(unit) - 0.85);
    admit = edDecision + Math.round(Math.min(2160, rng.logNormal(75 * crowding, 0.9)) * 60);
  } else {
    const hour = (admitType === URGENT ? URGENT_ADMIT_HOUR : ELECTIVE_ADMIT_HOUR).pick(rng);
    admit = dayStart + hour * 3600 + rng.int(3600);
  }

  const los = Math.max(1, Math.round(drg.losMedian * Math.exp(LOS_SIGMA * rng.normal() + 0.08 * frailty)));
  const inputs = DISPOSITION_INPUTS;
  inputs.age = age;
  inputs.charlson = charlson;
  inputs.frailty = frailty;
  inputs.drgCode = drg.code;
  inputs.drgMortality = drg.mortality;
  inputs.icu = unit === ICU;
  const disposition = drawDisposition(rng, inputs);
  const dischargeDay = Math.floor(admit / DAY) + los;
  const dischargeHour = disposition === EXPIRED ? rng.int(24) : DISCHARGE_HOUR.pick(rng);
  const discharge = dischargeDay * DAY + dischargeHour * 3600 + rng.int(3600);

  const since = (admitType === EMERGENCY ? edArrival : admit) - HALF_YEAR;
  let priorEd = 0;
  // Only the entries written so far: a new patient's (most stays) are never read.
  const edCount = patients.edCount[slot]!;
  const arrivals = patients.edArrivals;
  const first = slot * ED_HISTORY;
  const filled = Math.min(edCount, ED_HISTORY);
  for (let k = 0; k < filled; k++) if (arrivals[first + k]! >= since) priorEd++;
  const edVisits = priorEd + rng.poisson(Math.exp(-1.1 + 0.7 * frailty));
  const base = HOSPITAL_UNITS[unit]!.baseAcuity;
  const acuity = base + 0.35 * (drg.relativeWeight - 1) + 0.08 * (charlson - 2) + 0.3 * rng.normal();
  const icd10 = rng.chance(0.6) ? 0 : rng.int(drg.icd10.length);

  const row = out.add();
  out.slot[row] = slot;
  out.patient[row] = patients.index[slot]!;
  out.ssnSerial[row] = patients.ssnSerial[slot]!;
  out.gender[row] = patients.gender[slot]!;
  out.payer[row] = patients.payer[slot]!;
  out.seq[row] = -1;
  out.admitType[row] = admitType;
  out.drg[row] = drg.index;
  out.icd10[row] = icd10;
  out.unit[row] = unit;
  out.edArrival[row] = edArrival;
  out.edDecision[row] = edDecision;
  out.admit[row] = admit;
  out.discharge[row] = discharge;
  out.los[row] = los;
  out.disposition[row] = disposition;
  out.age[row] = age;
  out.charlson[row] = charlson;
  out.edVisits[row] = edVisits;
  // -Infinity before the first stay: never within 30 days.
  out.readmit[row] = admit - patients.lastDischarge[slot]! <= 30 * DAY ? 1 : 0;
  out.acuity[row] = Math.round(Math.min(5, Math.max(1, acuity)) * 10) / 10;

  if (admitType === EMERGENCY) {
    arrivals[first + (edCount % ED_HISTORY)] = edArrival;
    patients.edCount[slot] = edCount + 1;
  }
  patients.lastDischarge[slot] = discharge;
  patients.lastDrg[slot] = drg.index;
  patients.stays[slot]!++;
  return row;
}

function isWeekend(dayStart: number): boolean {
  const weekday = (Math.floor(dayStart / DAY) + 4) % 7; // 1970-01-01 was a Thursday
  return weekday === 0 || weekday === 6;
}

// The admit type's code.
function drawAdmitType(rng: Rng, unscheduled: boolean, weekend: boolean): number {
  const u = rng.float();
  if (unscheduled) return u < 0.85 ? EMERGENCY : URGENT;
  const elective = weekend ? 0.02 : 0.2;
  return u < elective ? ELECTIVE : u < elective + 0.1 ? URGENT : EMERGENCY;
}

function drawDrg(
  rng: Rng,
  catalog: DrgCatalog,
  lastDrg: number,
  admitType: number,
  age: number,
  kind: ArrivalKind,
): DrgEntry {
  if (kind === 'readmission' && lastDrg >= 0 && rng.chance(0.35)) {
    const same = catalog.entries[lastDrg]!;
    if (same.elective < 0.5 && (age >= 18 || same.pediatric > 0)) return same;
  }
  if (age < 18) return catalog.pediatric.pick(rng);
  return admitType === EMERGENCY
    ? catalog.adult.Emergency.pick(rng)
    : admitType === URGENT
      ? catalog.adult.Urgent.pick(rng)
      : catalog.adult.Elective.pick(rng);
}
