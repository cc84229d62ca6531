import type { Clinician } from './clinician.js';

const DAY = 86_400;

/** Which days carry EMR activity and how many events each day gets. */
export interface EmrPlan {
  firstDay: number;
  /** Events on `day` (0 outside the window); the budgets add up to the requested total exactly. */
  budget(day: number): number;
}

/**
 * Places the requested events on the last days of the period: as many days as the roster
 * naturally fills (weekdays busier than weekends), or the whole period, more densely, when the
 * roster is too small for the count. Integer budgets by cumulative rounding, so they sum exactly.
 *
 * @example
 * const plan = planEmr(1_000_000, roster, periodStart, 140);
 * plan.budget(139); // events on the last day
 */
export function planEmr(
  events: number,
  roster: readonly Clinician[],
  periodStart: number,
  periodDays: number,
): EmrPlan {
  if (events <= 0 || roster.length === 0) return { firstDay: periodDays, budget: () => 0 };
  let weekday = 0;
  let weekend = 0;
  for (const c of roster) {
    weekday += c.profile.workWeekday * c.profile.eventsPerShift;
    weekend += c.profile.workWeekend * c.profile.eventsPerShift;
  }
  const weight = (day: number) => {
    const wd = (Math.floor(periodStart / DAY) + day + 4) % 7;
    return wd === 0 || wd === 6 ? weekend : weekday;
  };
  let firstDay = periodDays;
  let natural = 0;
  while (firstDay > 0 && natural < events) natural += weight(--firstDay);
  const cumulative = new Float64Array(periodDays - firstDay + 1);
  for (let d = firstDay; d < periodDays; d++)
    cumulative[d - firstDay + 1] = cumulative[d - firstDay]! + weight(d);
  const total = cumulative[cumulative.length - 1]!;
  const upTo = (i: number) => Math.floor((events * cumulative[i]!) / total);
  return {
    firstDay,
    budget: (day) =>
      day < firstDay || day >= periodDays ? 0 : upTo(day - firstDay + 1) - upTo(day - firstDay),
  };
}
