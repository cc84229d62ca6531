import { EventColumns } from './event-columns.js';
import { sortByTime } from './sort-by-time.js';
import { timeBounds } from './time-bounds.js';

/**
 * A copy of `events` in time order, ties in array order (stable), sharing their patient table:
 * the counting sort of sortByTime moving each event straight to its place, one pass over the
 * columns, where computing the order and then gathering the events through it took two (the
 * gather alone was a seventh of the generating thread's time). Falls back to sortByTime and a
 * gather when the times span much more than the events.
 *
 * @example
 * const sorted = sortedByTime(events); // sorted.ts is non-decreasing
 */
export function sortedByTime(events: EventColumns): EventColumns {
  const n = events.length;
  const out = new EventColumns(n);
  out.table = events.table;
  out.length = n;
  if (n === 0) return out;
  const ts = events.ts;
  const [min, max] = timeBounds(ts, n);
  // An int32 from the start: as the difference of two epoch times (doubles, above V8's small
  // integer range) it reached the loop below boxed, and the optimized code's small-integer check
  // on it failed on every call (a deopt per day, the rest of the sort run unoptimized).
  const span = (max - min + 1) | 0;
  if (span > 4 * n + 200_000) {
    const order = sortByTime(events);
    for (let k = 0; k < n; k++) moveEvent(events, order[k]!, out, k);
    return out;
  }
  const starts = new Int32Array(span + 1);
  for (let i = 0; i < n; i++) starts[ts[i]! - min + 1]!++;
  for (let s = 1; s <= span; s++) starts[s]! += starts[s - 1]!;
  for (let i = 0; i < n; i++) moveEvent(events, i, out, starts[ts[i]! - min]!++);
  return out;
}

// Copies event `i` of `from` to slot `k` of `to` (within its length).
function moveEvent(from: EventColumns, i: number, to: EventColumns, k: number): void {
  to.ts[k] = from.ts[i]!;
  to.clinician[k] = from.clinician[i]!;
  to.type[k] = from.type[i]!;
  to.metadata[k] = from.metadata[i]!;
  to.patient[k] = from.patient[i]!;
}
