import type { ArrivalKind } from './plan-stay.js';

/**
 * The patients who will come back, by day: one bucket per day (a calendar queue) of patient
 * slots with their kind of return, each bucket in the order the returns were scheduled. Days
 * are popped in increasing order, so taking a day's patients costs nothing per patient, and
 * entries are plain numbers (slot·2 + 1 for a readmission), so the queue allocates no object
 * per return. Its size is bounded by the hospital's volume times the return horizon, not by
 * the run's total size.
 *
 * @example
 * queue.push(12, slot, 'readmission');
 * for (const entry of queue.popDue(12)) planStay(…, ReturnQueue.slotOf(entry), ReturnQueue.kindOf(entry), …);
 */
export class ReturnQueue {
  private readonly buckets = new Map<number, number[]>();
  // No bucket is below this day.
  private cursor = Number.POSITIVE_INFINITY;
  private count = 0;
  private readonly empty: number[] = [];

  /** The patient slot of a queue entry. */
  static slotOf(entry: number): number {
    return entry >>> 1;
  }

  /** Why the patient of a queue entry comes back. */
  static kindOf(entry: number): ArrivalKind {
    return (entry & 1) === 1 ? 'readmission' : 'later';
  }

  get size(): number {
    return this.count;
  }

  /** Queues the patient in `slot` for `day` (after those queued for that day before). */
  push(day: number, slot: number, kind: 'readmission' | 'later'): void {
    let bucket = this.buckets.get(day);
    if (bucket === undefined) {
      bucket = [];
      this.buckets.set(day, bucket);
    }
    bucket.push(slot * 2 + (kind === 'readmission' ? 1 : 0));
    if (day < this.cursor) this.cursor = day;
    this.count++;
  }

  /** Visits every pending entry (in no particular order). */
  forEach(visit: (entry: number) => void): void {
    for (const bucket of this.buckets.values()) bucket.forEach(visit);
  }

  /**
   * Removes and returns the entries due on or before `day`, earliest day first (the array is
   * the caller's, or a shared empty one).
   */
  popDue(day: number): readonly number[] {
    if (this.count === 0 || this.cursor > day) return this.empty;
    let due: number[] = this.empty;
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
