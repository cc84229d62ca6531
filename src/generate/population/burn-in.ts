import type { Rng } from '../random/rng.js';
import type { PatientTable } from './patient-table.js';
import type { HospitalPlan } from './plan-hospital.js';
import { planStay, type StayContext } from './plan-stay.js';
import type { PlannedStays } from './planned-stays.js';
import { ReturnQueue } from './return-queue.js';
import { scheduleReturn } from './schedule-return.js';

const DAY = 86_400;

/**
 * Days simulated before the period without writing anything, so the period starts with the
 * returning patients (frequent flyers) a hospital that has been open for years has: without it,
 * readmissions would be rare early on and the rate would depend on the run's length.
 */
export const BURN_IN_DAYS = 240;

/**
 * Runs the burn-in of the era starting on day `firstDay` (of the period) at the period's average
 * daily volume: stays are planned and discharged, and the patients due back before `endDay`
 * (the era's end) wait in `returns`. Their earlier stays are not in
 * any file, so their `lastDischarge` is cleared: a return is never flagged as the readmission of
 * a stay the data does not show. Patients who will not be back have their slots freed.
 *
 * @example
 * burnIn(rng, ctx, { plan, firstDay: 0, endDay: plan.periodDays, patients, returns, stays }, 10_000, newPatient);
 */
export function burnIn(
  rng: Rng,
  ctx: StayContext,
  era: {
    plan: HospitalPlan;
    firstDay: number;
    endDay: number;
    patients: PatientTable;
    returns: ReturnQueue;
    stays: PlannedStays;
  },
  admissions: number,
  newPatient: (dayStart: number) => number,
): void {
  const { plan, firstDay, endDay, patients, returns, stays } = era;
  const scheduling = { periodStart: plan.periodStart, endDay, returns };
  const perDay = admissions / plan.periodDays;
  for (let day = firstDay - BURN_IN_DAYS; day < firstDay; day++) {
    const dayStart = plan.periodStart + day * DAY;
    const due = returns.popDue(day);
    const fresh = Math.max(0, Math.round(perDay - due.length + 0.3 * Math.sqrt(perDay) * rng.normal()));
    stays.clear();
    for (const entry of due) {
      planStay(rng, ctx, patients, ReturnQueue.slotOf(entry), ReturnQueue.kindOf(entry), dayStart, stays);
    }
    for (let i = 0; i < fresh; i++)
      planStay(rng, ctx, patients, newPatient(dayStart), 'new', dayStart, stays);
    for (let row = 0; row < stays.length; row++) {
      const slot = stays.slot[row]!;
      if (!scheduleReturn(rng, stays, row, patients.frailty[slot]!, scheduling)) patients.release(slot);
    }
  }
  returns.forEach((entry) => {
    patients.lastDischarge[ReturnQueue.slotOf(entry)] = Number.NEGATIVE_INFINITY;
  });
  stays.clear();
}
