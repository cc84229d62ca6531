import { buildDrgCatalog } from './population/drg-catalog.js';
import { knownPilotEstimate } from './population/known-pilot-estimate.js';
import { planHospital } from './population/plan-hospital.js';
import { readDrgTable } from './reference/drg-table.js';
import { HOSPITAL_UNITS, SHIFTS } from './reference/hospital-units.js';

/**
 * The staffing row count that covers every unit-shift of the period `admissions` need at ~80%
 * occupancy of `beds` — no more, so staffing does not stretch the period and dilute occupancy
 * (the tutorial's 5,000 rows with 10,000 admissions give a 278-day period at about 40%).
 * `--staffing auto` uses it.
 *
 * @example
 * fullStaffingRows(10_000, 350); // 2,574 (143 days × 18 unit-shifts)
 */
export function fullStaffingRows(admissions: number, beds = 350, drgTablePath?: string): number {
  const pilot = knownPilotEstimate(buildDrgCatalog(readDrgTable(drgTablePath)));
  const plan = planHospital({ admissions, staffing: 0, beds, periodEnd: 0 }, pilot);
  return plan.periodDays * HOSPITAL_UNITS.length * SHIFTS.length;
}
