import type { Patient } from './patient.js';
import type { ArrivalKind } from './plan-stay.js';

/** A patient expected back on a given simulation day. */
export interface PendingReturn {
  day: number;
  /** Tie-breaker, so the order never depends on heap internals. */
  order: number;
  patient: Patient;
  kind: ArrivalKind;
}

/**
 * The patients who will come back, by day: one bucket per day (a calendar queue), each in
 * `order`. Days are popped in increasing order, so taking a day's patients costs nothing per
 * patient, where the binary heap this replaces cost two comparisons and a swap per level (a
 * visible share of the simulation's time). Its size is bounded by the hospital's volume times
 * the return horizon, not by the run's total size.
 *
 * @example
 * queue.push({ day: 12, order: 7, patient, kind: 'readmission' });
 * const today = queue.popDue(12);
 */
export class ReturnQueue {
  private readonly buckets = new Map<number, PendingReturn[]>();
  // No bucket is below this day.
  private cursor = Number.POSITIVE_INFINITY;
  private count = 0;
  // Highest order pushed so far: no bucket holds a higher one.
  private maxOrder = Number.NEGATIVE_INFINITY;

  get size(): number {
    return this.count;
  }

  push(item: PendingReturn): void {
    let bucket = this.buckets.get(item.day);
    if (bucket === undefined) {
      bucket = [];
      this.buckets.set(item.day, bucket);
    }
    // Orders arrive increasing in practice: then the item goes last with no look at the bucket
    // (reading its last item, long untouched, was a cache miss per push). Otherwise keep the
    // bucket sorted.
    if (item.order > this.maxOrder) {
      bucket.push(item);
      this.maxOrder = item.order;
    } else {
      let i = bucket.length;
      while (i > 0 && bucket[i - 1]!.order > item.order) i--;
      bucket.splice(i, 0, item);
    }
    if (item.day < this.cursor) this.cursor = item.day;
    this.count++;
  }

  /** Visits every pending return (in no particular order). */
  forEach(visit: (item: PendingReturn) => void): void {
    for (const bucket of this.buckets.values()) bucket.forEach(visit);
  }

  /** Removes and returns every return due on or before `day`, earliest first. */
  popDue(day: number): PendingReturn[] {
    if (this.count === 0 || this.cursor > day) return [];
    let due: PendingReturn[] = [];
    for (let d = this.cursor; d <= day; d++) {
      const bucket = this.buckets.get(d);
      if (bucket === undefined) continue;
      this.buckets.delete(d);
      due = due.length === 0 ? bucket : due.concat(bucket);
    }
    this.count -= due.length;
    this.cursor = this.count === 0 ? Number.POSITIVE_INFINITY : day + 1;
    return due;
  }
}
