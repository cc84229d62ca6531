import type { EmrEvent } from './emr-event.js';

const INDEX_SPACE = 2 ** 24;

/**
 * Events in time order, ties kept in array order (stable). Sorts packed numeric keys
 * (relative time × 2^24 + position) in a Float64Array: a native numeric sort, several times
 * faster than Array#sort with a comparator on the millions of events a day can hold.
 *
 * @example
 * const ordered = sortByTime(pending);
 */
export function sortByTime(events: readonly EmrEvent[]): EmrEvent[] {
  const n = events.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const e of events) {
    if (e.ts < min) min = e.ts;
    if (e.ts > max) max = e.ts;
  }
  // Keys must stay exact integers below 2^53: fall back to a comparator sort when they would not.
  if (n >= INDEX_SPACE || (max - min) * INDEX_SPACE >= Number.MAX_SAFE_INTEGER) {
    return events
      .map((e, i) => ({ e, i }))
      .sort((a, b) => a.e.ts - b.e.ts || a.i - b.i)
      .map((x) => x.e);
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (events[i]!.ts - min) * INDEX_SPACE + i;
  keys.sort();
  const out = new Array<EmrEvent>(n);
  for (let i = 0; i < n; i++) out[i] = events[keys[i]! % INDEX_SPACE]!;
  return out;
}
