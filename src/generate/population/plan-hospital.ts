import { HOSPITAL_UNITS, SHIFTS } from '../reference/hospital-units.js';
import type { PilotEstimate } from './pilot-estimate.js';

const DAY = 86_400;
/** Beds are sized for this occupancy (the benchmark band is 75–85%). */
export const TARGET_OCCUPANCY = 0.8;
/**
 * Longest simulated period (20 years); beyond it the hospital grows instead, so dates stay in
 * this century. Long rather than short because memory follows the daily volume (the census and
 * the patients due back), so the smaller the hospital, the flatter memory stays as runs grow.
 */
export const MAX_PERIOD_DAYS = 7305;

/** The simulated hospital and calendar, fixed before the run. */
export interface HospitalPlan {
  beds: number;
  unitBeds: number[];
  periodDays: number;
  /** Epoch seconds of the first simulated midnight (UTC). */
  periodStart: number;
  /** First day (0-based) with staffing rows, and rows skipped on it so the total is exact. */
  staffingFirstDay: number;
  staffingSkip: number;
  /** Mean share of beds occupied over the period (lower when staffing rows stretch it). */
  expectedOccupancy: number;
}

/**
 * Sizes the hospital and its calendar so the numbers hang together: the period is as long as
 * the requested admissions take to fill the beds at ~80% occupancy (or the staffing rows need),
 * ending at `periodEnd`; a run too big for `beds` in 20 years gets a bigger hospital instead.
 * Staffing covers the last days of the period.
 *
 * @example
 * planHospital({ admissions: 10_000, staffing: 5_000, beds: 350, periodEnd }, pilot);
 */
export function planHospital(
  x: { admissions: number; staffing: number; beds: number; periodEnd: number },
  pilot: PilotEstimate,
): HospitalPlan {
  const rowsPerDay = HOSPITAL_UNITS.length * SHIFTS.length;
  const staffingDays = Math.ceil(x.staffing / rowsPerDay);
  const bedDays = x.admissions * pilot.meanStayDays;
  const admissionDays = Math.ceil(bedDays / (x.beds * TARGET_OCCUPANCY));
  let beds = x.beds;
  let periodDays = Math.max(1, staffingDays, admissionDays);
  if (periodDays > MAX_PERIOD_DAYS) {
    periodDays = Math.max(MAX_PERIOD_DAYS, staffingDays);
    beds = Math.max(x.beds, Math.ceil(bedDays / (periodDays * TARGET_OCCUPANCY)));
  }
  const unitBeds = pilot.unitShare.map((share) => Math.max(1, Math.round(beds * share)));
  return {
    beds,
    unitBeds,
    periodDays,
    periodStart: x.periodEnd - periodDays * DAY,
    staffingFirstDay: periodDays - staffingDays,
    staffingSkip: staffingDays * rowsPerDay - x.staffing,
    expectedOccupancy: bedDays / (periodDays * beds),
  };
}
