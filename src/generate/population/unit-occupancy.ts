/**
 * How many stays each unit holds: those added and not yet dropped as discharged. The stay model
 * needs only these counts (crowding lengthens ED boarding), so unlike Census it keeps a number
 * per stay, not the stay: stays die young, and the garbage collector never has to move them.
 *
 * @example
 * const occupancy = new UnitOccupancy(6);
 * occupancy.add(stay.unit, stay.discharge);
 * occupancy.dropDischargedBefore(dayStart);
 * occupancy.size(unit);
 */
export class UnitOccupancy {
  // Per unit, the discharge times of its stays (unordered, packed at the front).
  private readonly ends: Float64Array[];
  private readonly counts: Int32Array;

  constructor(units: number) {
    this.ends = Array.from({ length: units }, () => new Float64Array(256));
    this.counts = new Int32Array(units);
  }

  add(unit: number, discharge: number): void {
    let ends = this.ends[unit]!;
    const n = this.counts[unit]!;
    if (n === ends.length) {
      const grown = new Float64Array(n * 2);
      grown.set(ends);
      this.ends[unit] = grown;
      ends = grown;
    }
    ends[n] = discharge;
    this.counts[unit] = n + 1;
  }

  /** Forgets stays discharged before `time`. */
  dropDischargedBefore(time: number): void {
    for (let u = 0; u < this.ends.length; u++) {
      const ends = this.ends[u]!;
      const n = this.counts[u]!;
      let kept = 0;
      for (let i = 0; i < n; i++) {
        const end = ends[i]!;
        if (end >= time) ends[kept++] = end;
      }
      this.counts[u] = kept;
    }
  }

  /** Stays in `unit` now, including those admitted later today. */
  size(unit: number): number {
    return this.counts[unit]!;
  }
}
