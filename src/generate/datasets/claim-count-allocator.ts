import type { Rng } from '../random/rng.js';
import type { EncounterRow } from './encounter-row.js';

/**
 * How many claims each encounter gets, so that exactly `claims` are spread over exactly
 * `encounters` encounters: longer stays, procedures and ED visits bill more services, and a
 * running correction keeps the total on course (the last encounter takes the remainder).
 *
 * @example
 * const alloc = new ClaimCountAllocator(25_000, 10_000);
 * alloc.next(rng, stay); // 1 … 10
 */
export class ClaimCountAllocator {
  private seen = 0;
  private given = 0;
  private weightSum = 0;

  constructor(
    private readonly claims: number,
    private readonly encounters: number,
  ) {}

  next(rng: Rng, stay: EncounterRow): number {
    const i = this.seen++;
    const left = this.claims - this.given;
    if (i === this.encounters - 1) return this.take(left);
    const weight =
      1 + 0.35 * (stay.los - 1) + (stay.drg.procedure ? 0.5 : 0) + (stay.edArrival !== null ? 0.3 : 0);
    this.weightSum += weight;
    const perEncounter = this.claims / this.encounters;
    const desired = (perEncounter * weight) / (this.weightSum / this.seen);
    const behind = (this.claims * i) / this.encounters - this.given;
    const wanted = Math.floor(desired + 0.5 * behind + rng.float());
    return this.take(Math.min(left, Math.max(0, wanted)));
  }

  private take(n: number): number {
    this.given += n;
    return n;
  }
}
