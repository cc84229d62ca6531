import type { Census } from '../population/census.js';
import type { Rng } from '../random/rng.js';
import { allocateBudget } from './allocate-budget.js';
import type { Clinician } from './clinician.js';
import type { EmrEvent } from './emr-event.js';
import type { EmrPlan } from './emr-plan.js';
import { shiftEvents } from './shift-events.js';
import { sortByTime } from './sort-by-time.js';

const DAY = 86_400;

/**
 * The EMR audit log, one simulated day at a time, written in time order. A day's shifts are
 * generated when the day's census is known; night shifts run past midnight, so events after the
 * next midnight wait in `pending` and merge with the next day's (no shift starts before 05:00).
 *
 * @example
 * const emr = new EmrActivity(rng, roster, plan, (e) => writer.write(e));
 * emr.day(d, dayStart, census);
 * emr.finish();
 */
export class EmrActivity {
  private pending: EmrEvent[] = [];
  /** Work sessions generated so far (what a correct sessionizer should find). */
  sessions = 0;

  constructor(
    private readonly rng: Rng,
    private readonly roster: readonly Clinician[],
    private readonly plan: EmrPlan,
    private readonly emit: (event: EmrEvent) => void,
  ) {}

  day(day: number, dayStart: number, census: Census): void {
    const budget = this.plan.budget(day);
    if (budget > 0) {
      const weekday = (Math.floor(dayStart / DAY) + 4) % 7;
      const weekend = weekday === 0 || weekday === 6;
      const working = this.roster.filter((c) =>
        this.rng.chance(weekend ? c.profile.workWeekend : c.profile.workWeekday),
      );
      const counts = allocateBudget(this.rng, budget, working.length > 0 ? working : this.roster);
      for (const [clinician, count] of counts) {
        const shift = clinician.shift;
        const start = dayStart + shift.startHour * 3600 - 900 + this.rng.int(1800);
        this.sessions += shiftEvents(this.rng, clinician, count, start, census, this.pending);
      }
    }
    this.flushBefore(dayStart + DAY);
  }

  /** Writes every event still waiting (after the last day). */
  finish(): void {
    this.flushBefore(Number.POSITIVE_INFINITY);
  }

  private flushBefore(time: number): void {
    if (this.pending.length === 0) return;
    // Carried-over events come first and each shift is generated in order, so ties end up by
    // carry-over, then clinician, then position in the shift.
    this.pending = sortByTime(this.pending);
    let i = 0;
    while (i < this.pending.length && this.pending[i]!.ts < time) this.emit(this.pending[i++]!);
    this.pending = this.pending.slice(i);
  }
}
