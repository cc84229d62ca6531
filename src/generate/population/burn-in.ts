import type { Rng } from '../random/rng.js';
import type { Patient } from './patient.js';
import type { HospitalPlan } from './plan-hospital.js';
import { planStay, type StayContext } from './plan-stay.js';
import type { ReturnQueue } from './return-queue.js';
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
 * a stay the data does not show. Returns the next tie-breaking order number.
 *
 * @example
 * order = burnIn(rng, ctx, returns, { plan, firstDay: 0, endDay: plan.periodDays }, 10_000, newPatient, 0);
 */
export function burnIn(
  rng: Rng,
  ctx: StayContext,
  returns: ReturnQueue,
  era: { plan: HospitalPlan; firstDay: number; endDay: number },
  admissions: number,
  newPatient: (dayStart: number) => Patient,
  firstOrder: number,
): number {
  const { plan, firstDay, endDay } = era;
  let order = firstOrder;
  const perDay = admissions / plan.periodDays;
  for (let day = firstDay - BURN_IN_DAYS; day < firstDay; day++) {
    const dayStart = plan.periodStart + day * DAY;
    const due = returns.popDue(day);
    const fresh = Math.max(0, Math.round(perDay - due.length + 0.3 * Math.sqrt(perDay) * rng.normal()));
    const stays = due.map((r) => planStay(rng, ctx, r.patient, r.kind, dayStart));
    for (let i = 0; i < fresh; i++) stays.push(planStay(rng, ctx, newPatient(dayStart), 'new', dayStart));
    for (const stay of stays) {
      const next = scheduleReturn(rng, stay, plan.periodStart, order++);
      if (next !== undefined && next.day < endDay) returns.push(next);
    }
  }
  returns.forEach((r) => {
    r.patient.lastDischarge = Number.NEGATIVE_INFINITY;
  });
  return order;
}
