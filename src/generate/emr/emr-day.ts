import type { Census } from '../population/census.js';
import { deriveStream } from '../random/derive-stream.js';
import { allocateBudget } from './allocate-budget.js';
import type { Clinician } from './clinician.js';
import type { EmrPlan } from './emr-plan.js';
import { EventColumns } from './event-columns.js';
import { shiftEvents } from './shift-events.js';
import { sortedByTime } from './sorted-by-time.js';

const DAY = 86_400;

/** One simulated day's EMR events, in time order, and the work sessions they form. */
export interface EmrDay {
  /** Time-sorted (ties in generation order); patients index the day's census pseudonyms. */
  events: EventColumns;
  sessions: number;
}

/** What a day's events are drawn from: the same in every thread that generates days. */
export interface EmrDaySource {
  seed: number;
  roster: readonly Clinician[];
  plan: EmrPlan;
}

/**
 * Generates the shifts of the clinicians working on `day` from the day's own random stream
 * ("emr:<day>") and census, so a day depends only on the seed, the day and its census: any
 * thread can generate any day, and the days can be generated at the same time. Night shifts run
 * past the next midnight; merging them into the next day is EmrActivity's job.
 *
 * @example
 * const { events, sessions } = generateEmrDay({ seed, roster, plan }, day, dayStart, census);
 */
export function generateEmrDay(source: EmrDaySource, day: number, dayStart: number, census: Census): EmrDay {
  const entries = census.entries();
  const budget = source.plan.budget(day);
  // Shifts add up to exactly the budget: the columns never grow.
  const out = new EventColumns(budget);
  out.table = entries.map((s) => s.patient.mrnHash);
  let sessions = 0;
  if (budget > 0) {
    const slots = new Map(entries.map((s, i) => [s, i]));
    const rng = deriveStream(source.seed, `emr:${day}`);
    const weekday = (Math.floor(dayStart / DAY) + 4) % 7;
    const weekend = weekday === 0 || weekday === 6;
    const working = source.roster.filter((c) =>
      rng.chance(weekend ? c.profile.workWeekend : c.profile.workWeekday),
    );
    const counts = allocateBudget(rng, budget, working.length > 0 ? working : source.roster);
    for (const [clinician, count] of counts) {
      const start = dayStart + clinician.shift.startHour * 3600 - 900 + rng.int(1800);
      sessions += shiftEvents(rng, clinician, count, start, census, out, slots);
    }
  }
  return { events: out.length > 0 ? sortedByTime(out) : out, sessions };
}
