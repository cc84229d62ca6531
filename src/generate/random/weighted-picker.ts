import type { Rng } from './rng.js';

/**
 * Picks items with probability proportional to their weights (cumulative table, binary search).
 * Built once per distribution, used millions of times.
 *
 * @example
 * const shift = new WeightedPicker([['Day', 5], ['Night', 3]]).pick(rng);
 */
export class WeightedPicker<T> {
  private readonly items: T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    const usable = entries.filter(([, w]) => w > 0);
    if (usable.length === 0) throw new Error('WeightedPicker needs at least one positive weight');
    this.items = usable.map(([item]) => item);
    this.cumulative = new Float64Array(usable.length);
    let sum = 0;
    usable.forEach(([, w], i) => {
      sum += w;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  pick(rng: Rng): T {
    const x = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}
