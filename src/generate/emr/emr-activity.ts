import type { Census } from '../population/census.js';
import type { CensusEntry } from '../population/census-entry.js';
import { deriveStream } from '../random/derive-stream.js';
import { allocateBudget } from './allocate-budget.js';
import type { Clinician } from './clinician.js';
import type { EmrPlan } from './emr-plan.js';
import { EventColumns } from './event-columns.js';
import { shiftEvents } from './shift-events.js';
import { sortedByTime } from './sorted-by-time.js';

const DAY = 86_400;

/** Receives events in file order: events 0 … count - 1 of `events`, which the sink may keep. */
export type EventSink = (events: EventColumns, count: number) => void;

/**
 * The EMR audit log, one simulated day at a time, written in time order. A day's shifts are
 * generated when the day's census is known, from the day's own random stream ("emr:<day>"), so
 * a day's events depend only on the seed, the day and its census. Night shifts run past
 * midnight: events after the next midnight wait and merge with the next day's (no shift starts
 * before 05:00). Ties keep carried-over events first, then clinician, then shift order.
 *
 * @example
 * const emr = new EmrActivity(42, roster, plan, (events, count) => …);
 * emr.day(d, dayStart, census);
 * emr.finish();
 */
export class EmrActivity {
  private pending = new EventColumns();
  private spare = new EventColumns();
  /** Work sessions generated so far (what a correct sessionizer should find). */
  sessions = 0;

  constructor(
    private readonly seed: number,
    private readonly roster: readonly Clinician[],
    private readonly plan: EmrPlan,
    private readonly emit: EventSink,
  ) {}

  day(day: number, dayStart: number, census: Census): void {
    const budget = this.plan.budget(day);
    if (budget > 0) {
      const slots = this.useCensus(census);
      const rng = deriveStream(this.seed, `emr:${day}`);
      const weekday = (Math.floor(dayStart / DAY) + 4) % 7;
      const weekend = weekday === 0 || weekday === 6;
      const working = this.roster.filter((c) =>
        rng.chance(weekend ? c.profile.workWeekend : c.profile.workWeekday),
      );
      const counts = allocateBudget(rng, budget, working.length > 0 ? working : this.roster);
      for (const [clinician, count] of counts) {
        const shift = clinician.shift;
        const start = dayStart + shift.startHour * 3600 - 900 + rng.int(1800);
        this.sessions += shiftEvents(rng, clinician, count, start, census, this.pending, slots);
      }
    }
    this.flushBefore(dayStart + DAY);
  }

  /** Writes every event still waiting (after the last day). */
  finish(): void {
    this.flushBefore(Number.POSITIVE_INFINITY);
  }

  /**
   * Makes today's census the patient table: carried-over events are re-pointed into it (their
   * patients appended when discharged since). Returns each census entry's slot.
   */
  private useCensus(census: Census): Map<CensusEntry, number> {
    const entries = census.entries();
    const table = entries.map((s) => s.patient.mrnHash);
    const events = this.pending;
    if (events.length > 0) {
      const old = events.table;
      const known = new Map(table.map((h, i) => [h, i]));
      for (let i = 0; i < events.length; i++) {
        const p = events.patient[i]!;
        if (p < 0) continue;
        const hash = old[p]!;
        let slot = known.get(hash);
        if (slot === undefined) {
          slot = table.push(hash) - 1;
          known.set(hash, slot);
        }
        events.patient[i] = slot;
      }
    }
    events.table = table;
    return new Map(entries.map((s, i) => [s, i]));
  }

  private flushBefore(time: number): void {
    const events = this.pending;
    if (events.length === 0) return;
    const sorted = sortedByTime(events);
    let k = 0;
    while (k < sorted.length && sorted.ts[k]! < time) k++;
    // The rest (a night shift's tail) moves to the front of the next day's events, in time order.
    // Copied before emitting: the sink may take the sorted columns (see EmrFileThread).
    const rest = this.spare;
    rest.clear();
    for (let j = k; j < sorted.length; j++) rest.copy(sorted, j, sorted.patient[j]!);
    rest.table = events.table;
    this.emit(sorted, k);
    events.clear();
    this.spare = events;
    this.pending = rest;
  }
}
