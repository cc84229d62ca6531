import type { Rng } from '../random/rng.js';
import type { CensusEntry } from './census-entry.js';

/**
 * The stays that are (or will be, later today) in the hospital: what staffing counts and which
 * patients clinicians open charts of. Holds only current stays, so its size is the census, not
 * the run.
 *
 * @example
 * census.add(stay);
 * census.countInUnit(unit, dayStart + 7 * 3600);
 */
export class Census<S extends CensusEntry = CensusEntry> {
  private readonly active: S[] = [];
  private readonly byUnit: S[][];
  // Discharge times of `active` and of each unit's list, in the same order: pruning reads
  // these packed numbers rather than every stay object (a cache miss each, every day).
  private readonly activeEnds: number[] = [];
  private readonly unitEnds: number[][];

  constructor(units: number) {
    this.byUnit = Array.from({ length: units }, () => []);
    this.unitEnds = Array.from({ length: units }, () => []);
  }

  add(stay: S): void {
    this.active.push(stay);
    this.activeEnds.push(stay.discharge);
    this.byUnit[stay.unit]!.push(stay);
    this.unitEnds[stay.unit]!.push(stay.discharge);
  }

  /** Forgets stays discharged before `time`. */
  dropDischargedBefore(time: number): void {
    // In place: runs every simulated day over the whole census.
    keepDischargedFrom(this.active, this.activeEnds, time);
    for (let u = 0; u < this.byUnit.length; u++) keepDischargedFrom(this.byUnit[u]!, this.unitEnds[u]!, time);
  }

  /** Patients in `unit` at `time` (admitted at or before it, not yet discharged). */
  countInUnit(unit: number, time: number): number {
    let n = 0;
    for (const s of this.byUnit[unit]!) if (s.admit <= time && s.discharge > time) n++;
    return n;
  }

  /** Mean acuity of the patients in `unit` at `time` (0 when empty). */
  meanAcuity(unit: number, time: number): number {
    let n = 0;
    let sum = 0;
    for (const s of this.byUnit[unit]!) {
      if (s.admit <= time && s.discharge > time) {
        n++;
        sum += s.acuity;
      }
    }
    return n === 0 ? 0 : sum / n;
  }

  /** Every current stay, in the order added (a snapshot rebuilt with add() behaves the same). */
  entries(): readonly S[] {
    return this.active;
  }

  /** Stays in `unit` now, including those admitted later today (for occupancy estimates). */
  size(unit: number): number {
    return this.byUnit[unit]!.length;
  }

  /**
   * A random patient present in `unit` (any unit when negative) for the whole of [from, to], or
   * undefined when there is none: a few random probes, then a scan.
   */
  pickPresent(rng: Rng, unit: number, from: number, to: number): S | undefined {
    const list = unit < 0 ? this.active : this.byUnit[unit]!;
    if (list.length === 0) return undefined;
    const ok = (s: S) => s.admit <= from && s.discharge >= to;
    for (let i = 0; i < 6; i++) {
      const s = list[rng.int(list.length)]!;
      if (ok(s)) return s;
    }
    const present = list.filter(ok);
    return present.length === 0 ? undefined : present[rng.int(present.length)];
  }
}

// Drops the stays of `list` discharged before `time` (`ends` holds their discharges), keeping
// the others in order.
function keepDischargedFrom(list: CensusEntry[], ends: number[], time: number): void {
  let kept = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    if (end >= time) {
      list[kept] = list[i]!;
      ends[kept++] = end;
    }
  }
  list.length = kept;
  ends.length = kept;
}
