import type { MrnHasher } from '../../privacy/mrn-hasher.js';
import { deriveStream } from '../random/derive-stream.js';
import { HOSPITAL_UNITS } from '../reference/hospital-units.js';
import { burnIn } from './burn-in.js';
import type { Census } from './census.js';
import { cumulativeVolume } from './cumulative-volume.js';
import type { DrgCatalog } from './drg-catalog.js';
import { ERA_PATIENTS, type Era } from './era-plan.js';
import { mrnForPatient } from './mrn-for-patient.js';
import { createPatient } from './patient.js';
import type { HospitalPlan } from './plan-hospital.js';
import { planStay, type StayContext } from './plan-stay.js';
import { ReturnQueue } from './return-queue.js';
import { scheduleReturn } from './schedule-return.js';
import type { Stay } from './stay.js';
import { UnitOccupancy } from './unit-occupancy.js';

const DAY = 86_400;

/** What the simulation reports to the dataset writers, in order. */
export interface SimulationHooks {
  /** A stay, in admissions-file order. */
  stay(stay: Stay): void;
  /** Every stay admitted by the end of `day` is known: write the day's staffing and EMR activity. */
  day(day: number, dayStart: number): void | Promise<void>;
}

/** The hooks of a whole run: the day hook also gets the hospital's census. */
export interface HospitalHooks {
  stay(stay: Stay): void;
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
  /** Hashes each patient's MRN at its first written stay; omitted when writer threads do. */
  hashMrn: MrnHasher | undefined;
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
  const returns = new ReturnQueue();
  const ctx: StayContext = {
    catalog: cfg.catalog,
    unitOccupancy: (unit) => occupancy.size(unit) / plan.unitBeds[unit]!,
  };
  const cumulative = cumulativeVolume(plan.periodStart, plan.periodDays);
  const stats: SimulationStats = { patients: 0, readmissions: 0, deaths: 0 };
  let order = 0;
  let patients = 0;
  const newPatient = (dayStart: number) => {
    if (patients === ERA_PATIENTS) throw new Error(`more than ${ERA_PATIENTS} patients in one era`);
    return createPatient(rng, era.patientBase + patients++, dayStart);
  };

  order = burnIn(rng, ctx, returns, { plan, ...era }, cfg.admissions, newPatient, order);

  let emitted = era.firstSeq;
  for (let day = era.firstDay; day < era.endDay; day++) {
    const dayStart = plan.periodStart + day * DAY;
    occupancy.dropDischargedBefore(dayStart);
    const remaining = era.endSeq - emitted;
    const due = returns.popDue(day).slice(0, remaining);
    let fresh: number;
    if (day === era.endDay - 1) fresh = remaining - due.length;
    else {
      const target = (cfg.admissions * cumulative[day + 1]!) / cumulative[plan.periodDays]!;
      const expected = target - emitted - due.length;
      const noise = 0.3 * Math.sqrt(Math.max(1, expected)) * rng.normal();
      fresh = Math.min(remaining - due.length, Math.max(0, Math.round(expected + noise)));
    }
    const stays: Stay[] = due.map((r) => planStay(rng, ctx, r.patient, r.kind, dayStart));
    for (let i = 0; i < fresh; i++) {
      stays.push(planStay(rng, ctx, newPatient(dayStart), 'new', dayStart));
    }
    stays.sort((a, b) => a.admit - b.admit || a.patient.index - b.patient.index);
    for (const stay of stays) {
      stay.seq = emitted++;
      if (stay.patient.writtenStays++ === 0) {
        stats.patients++;
        if (cfg.hashMrn !== undefined)
          stay.patient.mrnHash = cfg.hashMrn(mrnForPatient(stay.patient.index, cfg.seed));
      }
      if (stay.readmit) stats.readmissions++;
      if (stay.disposition === 'Expired') stats.deaths++;
      hooks.stay(stay);
      occupancy.add(stay.unit, stay.discharge);
      const next = scheduleReturn(rng, stay, plan.periodStart, order++);
      if (next !== undefined && next.day < era.endDay) returns.push(next);
    }
    await hooks.day(day, dayStart);
  }
  return stats;
}
