import { EventColumns } from './event-columns.js';
import { firstAtOrAfter } from './first-at-or-after.js';

/**
 * The events of `earlier` and the first `count` events of `later`, both in time order, merged
 * into new time-ordered columns; on equal times the events of `earlier` come first, so the
 * result is what a stable sort of `earlier` followed by `later` gives. The result uses `later`'s
 * patient table: patients of `earlier` missing from it (discharged since) are appended to it.
 *
 * @example
 * const head = mergeByTime(carriedOver, today, m); // today.table may grow
 */
export function mergeByTime(earlier: EventColumns, later: EventColumns, count: number): EventColumns {
  const n = earlier.length + count;
  const out = new EventColumns(n);
  out.table = later.table;
  out.length = n;
  if (n === 0) return out;
  const j = interleave(earlier, later, count, out, repointed(earlier, later.table));
  // Every earlier event is placed: the later events from j on follow them.
  out.put(later, j, count, j + earlier.length);
  return out;
}

// Places every earlier event after the later events before its time, and the later events
// between them, into `out`; returns how many later events were placed. The tail is the caller's:
// this loop is compiled while it runs (on-stack replacement), and code after it in the same
// function, never run by then, made that compiled code bail out on every later call.
function interleave(
  earlier: EventColumns,
  later: EventColumns,
  count: number,
  out: EventColumns,
  slots: Int32Array,
): number {
  const [ats, ac, aty, am, ap] = [
    earlier.ts,
    earlier.clinician,
    earlier.type,
    earlier.metadata,
    earlier.patient,
  ];
  const bts = later.ts;
  let k = 0;
  let j = 0;
  // Each earlier event goes after the later events before its time. A night shift's last
  // events can fall many hours into the day, where long runs of later events lie between them:
  // those runs move in bulk.
  for (let i = 0; i < earlier.length; i++) {
    const t = ats[i]!;
    const run = gallopTo(bts, j, count, t);
    out.put(later, j, run, k);
    k += run - j;
    j = run;
    out.ts[k] = t;
    out.clinician[k] = ac[i]!;
    out.type[k] = aty[i]!;
    out.metadata[k] = am[i]!;
    const p = ap[i]!;
    out.patient[k] = p < 0 ? -1 : slots[p]!;
    k++;
  }
  return j;
}

// Each patient index of `from` re-pointed into `to`, appending the pseudonyms `to` lacks (in
// order of first use, as events refer to them).
function repointed(from: EventColumns, to: string[]): Int32Array {
  const slots = new Int32Array(from.table.length).fill(-1);
  let known: Map<string, number> | undefined;
  for (let i = 0; i < from.length; i++) {
    const p = from.patient[i]!;
    if (p < 0 || slots[p]! >= 0) continue;
    known ??= new Map(to.map((h, k) => [h, k]));
    const hash = from.table[p]!;
    let q = known.get(hash);
    if (q === undefined) {
      q = to.push(hash) - 1;
      known.set(hash, q);
    }
    slots[p] = q;
  }
  return slots;
}

// The first index in [from, to) with ts at least `time` (`to` if none): an exponential then a
// binary search, cheap when the answer is near `from`, as it is between dense events.
function gallopTo(ts: Float64Array, from: number, to: number, time: number): number {
  let step = 1;
  let lo = from;
  let hi = from;
  while (hi < to && ts[hi]! < time) {
    lo = hi + 1;
    hi = Math.min(to, hi + step);
    step *= 2;
  }
  return firstAtOrAfter(ts, lo, hi, time, false);
}
