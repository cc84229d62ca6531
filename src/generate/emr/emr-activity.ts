import type { Census } from '../population/census.js';
import type { Clinician } from './clinician.js';
import { type EmrDay, generateEmrDay } from './emr-day.js';
import type { EmrPlan } from './emr-plan.js';
import { EventColumns } from './event-columns.js';
import { firstAtOrAfter } from './first-at-or-after.js';
import { mergeByTime } from './merge-by-time.js';

const DAY = 86_400;

/** Receives events in file order: events from … to - 1 of `events`, whose buffers the sink may keep. */
export type EventSink = (events: EventColumns, from: number, to: number) => void;

/**
 * The EMR audit log, one simulated day at a time, written in time order. Each day is generated
 * on its own (see generateEmrDay), here or in another thread, and taken in day order: night
 * shifts run past midnight, so events after the next midnight wait and merge with the next
 * day's, carried-over events first on equal times (then clinician, then shift order).
 *
 * @example
 * const emr = new EmrActivity(42, roster, plan, (events, from, to) => …);
 * emr.day(d, dayStart, census);
 * emr.finish();
 */
export class EmrActivity {
  // Events past the last taken day's midnight, in time order.
  private carry = new EventColumns();
  /** Work sessions generated so far (what a correct sessionizer should find). */
  sessions = 0;

  constructor(
    private readonly seed: number,
    private readonly roster: readonly Clinician[],
    private readonly plan: EmrPlan,
    private readonly emit: EventSink,
  ) {}

  /** Generates and takes one day. */
  day(day: number, dayStart: number, census: Census): void {
    this.take(this.generate(day, dayStart, census), dayStart);
  }

  /** A day's events, generated without writing them (any order of days, any thread). */
  generate(day: number, dayStart: number, census: Census): EmrDay {
    return generateEmrDay({ seed: this.seed, roster: this.roster, plan: this.plan }, day, dayStart, census);
  }

  /** Writes a generated day's events up to the next midnight, with those carried over; days in order. */
  take(day: EmrDay, dayStart: number): void {
    this.sessions += day.sessions;
    const cutoff = dayStart + DAY;
    const today = day.events;
    const carry = this.carry;
    // Only today's events up to the carried-over tail's last time can fall between its events
    // (the early shifts under a night shift's end): merge those, and leave the rest in place.
    const m =
      carry.length === 0 ? 0 : firstAtOrAfter(today.ts, 0, today.length, carry.ts[carry.length - 1]!, true);
    const head = mergeByTime(carry, today, m);
    // File order is head, then today from m: what lies at or after the cutoff waits.
    const headCut = firstAtOrAfter(head.ts, 0, head.length, cutoff, false);
    const todayCut = headCut < head.length ? m : firstAtOrAfter(today.ts, m, today.length, cutoff, false);
    // Copied before emitting: the sink may take the columns' buffers (see EmrFileThread).
    const rest = new EventColumns(head.length - headCut + today.length - todayCut);
    rest.table = today.table;
    rest.append(head, headCut, head.length);
    rest.append(today, todayCut, today.length);
    this.emit(head, 0, headCut);
    this.emit(today, m, todayCut);
    this.carry = rest;
  }

  /** Writes every event still waiting (after the last day). */
  finish(): void {
    const carry = this.carry;
    this.carry = new EventColumns();
    this.emit(carry, 0, carry.length);
  }
}
