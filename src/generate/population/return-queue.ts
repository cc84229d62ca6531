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
 * The patients who will come back, ordered by day (a binary min-heap). Its size is bounded by
 * the hospital's volume times the return horizon, not by the run's total size.
 *
 * @example
 * queue.push({ day: 12, order: 7, patient, kind: 'readmission' });
 * const today = queue.popDue(12);
 */
export class ReturnQueue {
  private readonly heap: PendingReturn[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(item: PendingReturn): void {
    const h = this.heap;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  /** Visits every pending return (in no particular order). */
  forEach(visit: (item: PendingReturn) => void): void {
    this.heap.forEach(visit);
  }

  /** Removes and returns every return due on or before `day`, earliest first. */
  popDue(day: number): PendingReturn[] {
    const due: PendingReturn[] = [];
    while (this.heap.length > 0 && this.heap[0]!.day <= day) due.push(this.popMin());
    return due;
  }

  private popMin(): PendingReturn {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

function before(a: PendingReturn, b: PendingReturn): boolean {
  return a.day < b.day || (a.day === b.day && a.order < b.order);
}
