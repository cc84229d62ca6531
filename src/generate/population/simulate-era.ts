import { deriveStream } from '../random/derive-stream.js';
import { HOSPITAL_UNITS } from '../reference/hospital-units.js';
import { burnIn } from './burn-in.js';
import type { Census } from './census.js';
import { cumulativeVolume } from './cumulative-volume.js';
import { EXPIRED } from './disposition-model.js';
import type { DrgCatalog } from './drg-catalog.js';
import { ERA_PATIENTS, type Era } from './era-plan.js';
import { createPatient } from './patient.js';
import { PatientTable } from './patient-table.js';
import type { HospitalPlan } from './plan-hospital.js';
import { planStay, type StayContext } from './plan-stay.js';
import { PlannedStays } from './planned-stays.js';
import { ReturnQueue } from './return-queue.js';
import { scheduleReturn } from './schedule-return.js';
import { UnitOccupancy } from './unit-occupancy.js';

const DAY = 86_400;

/** What the simulation reports to the dataset writers, in order. */
export interface SimulationHooks {
  /**
   * A stay, row `row` of `stays`, in admissions-file order (its seq set). The table is reused
   * for the next day: copy what must outlive the call (see PlannedStays.toStay).
   */
  stay(stays: PlannedStays, row: number): void;
  /** Every stay admitted by the end of `day` is known: write the day's staffing and EMR activity. */
  day(day: number, dayStart: number): void | Promise<void>;
}

/** The hooks of a whole run: the day hook also gets the hospital's census. */
export interface HospitalHooks {
  stay(stays: PlannedStays, row: number): void;
  day(day: number, dayStart: number, census: Census): void | Promise<void>;
}

/** Counts the run can report. */
export interface SimulationStats {
  patients: number;
  readmissions: number;
  deaths: number;
}

/** What every era of a run shares. */
export interface SimulationConfig {
  seed: number;
  admissions: number;
  plan: HospitalPlan;
  catalog: DrgCatalog;
  /**
   * The pseudonym of a patient by index, asked at the patient's first written stay (stays then
   * carry it, see PlannedStays.mrnHash); omitted when writer threads hash.
   */
  pseudonymOf: ((patient: number) => string) | undefined;
}

/**
 * Runs one era of the hospital day by day: patients returning today (readmissions and later
 * stays), new patients topping the day up to a weekday-shaped target, their stays planned and
 * admitted in time order, each discharge deciding whether the patient comes back. Exactly the
 * era's admissions are produced, from the era's own random stream, burn-in and patients, so
 * eras can run in any order or side by side. Memory holds the unit occupancy and the patients
 * due back, never the whole era.
 *
 * @example
 * const stats = await simulateEra(cfg, eras[0], hooks);
 */
export async function simulateEra(
  cfg: SimulationConfig,
  era: Era,
  hooks: SimulationHooks,
): Promise<SimulationStats> {
  const { plan } = cfg;
  // Era 0 keeps the stream a one-era run always had.
  const rng = deriveStream(cfg.seed, era.index === 0 ? 'population' : `population:${era.index}`);
  const occupancy = new UnitOccupancy(HOSPITAL_UNITS.length);
  const patients = new PatientTable();
  const returns = new ReturnQueue();
  const stays = new PlannedStays();
  const ctx: StayContext = {
    catalog: cfg.catalog,
    unitOccupancy: (unit) => occupancy.size(unit) / plan.unitBeds[unit]!,
  };
  const cumulative = cumulativeVolume(plan.periodStart, plan.periodDays);
  const stats: SimulationStats = { patients: 0, readmissions: 0, deaths: 0 };
  let created = 0;
  const newPatient = (dayStart: number) => {
    if (created === ERA_PATIENTS) throw new Error(`more than ${ERA_PATIENTS} patients in one era`);
    return createPatient(rng, patients, era.patientBase + created++, dayStart);
  };

  burnIn(rng, ctx, { plan, ...era, patients, returns, stays }, cfg.admissions, newPatient);

  const scheduling = { periodStart: plan.periodStart, endDay: era.endDay, returns };
  // Row numbers of the day's stays, sorted into admissions-file order: by admission time, ties
  // by patient index (unique within a day: a patient arrives at most once a day).
  const order: number[] = [];
  const byAdmit = (a: number, b: number) =>
    stays.admit[a]! - stays.admit[b]! || stays.patient[a]! - stays.patient[b]!;
  let emitted = era.firstSeq;
  for (let day = era.firstDay; day < era.endDay; day++) {
    const dayStart = plan.periodStart + day * DAY;
    occupancy.dropDischargedBefore(dayStart);
    const remaining = era.endSeq - emitted;
    const pending = returns.popDue(day);
    const due = Math.min(pending.length, remaining);
    let fresh: number;
    if (day === era.endDay - 1) fresh = remaining - due;
    else {
      const target = (cfg.admissions * cumulative[day + 1]!) / cumulative[plan.periodDays]!;
      const expected = target - emitted - due;
      const noise = 0.3 * Math.sqrt(Math.max(1, expected)) * rng.normal();
      fresh = Math.min(remaining - due, Math.max(0, Math.round(expected + noise)));
    }
    stays.clear();
    for (let k = 0; k < due; k++) {
      const entry = pending[k]!;
      planStay(rng, ctx, patients, ReturnQueue.slotOf(entry), ReturnQueue.kindOf(entry), dayStart, stays);
    }
    for (let i = 0; i < fresh; i++)
      planStay(rng, ctx, patients, newPatient(dayStart), 'new', dayStart, stays);
    order.length = stays.length;
    for (let row = 0; row < stays.length; row++) order[row] = row;
    order.sort(byAdmit);
    for (const row of order) {
      const slot = stays.slot[row]!;
      stays.seq[row] = emitted++;
      if (patients.writtenStays[slot]!++ === 0) {
        stats.patients++;
        if (cfg.pseudonymOf !== undefined) patients.mrnHash[slot] = cfg.pseudonymOf(patients.index[slot]!);
      }
      if (cfg.pseudonymOf !== undefined) stays.mrnHash[row] = patients.mrnHash[slot]!;
      if (stays.readmit[row] === 1) stats.readmissions++;
      if (stays.disposition[row] === EXPIRED) stats.deaths++;
      hooks.stay(stays, row);
      occupancy.add(stays.unit[row]!, stays.discharge[row]!);
      if (!scheduleReturn(rng, stays, row, patients.frailty[slot]!, scheduling)) patients.release(slot);
    }
    await hooks.day(day, dayStart);
  }
  return stats;
}
