import type { Era } from '../population/era-plan.js';
import { deriveStream } from '../random/derive-stream.js';
import type { Rng } from '../random/rng.js';
import { ClaimCountAllocator } from './claim-count-allocator.js';

/**
 * The claims stream and claim-count allocator of each era: an era's claims are drawn from its
 * own stream and add up to its own share, so an era's claims can be written without the
 * earlier eras' (era 0 keeps the 'claims' stream a one-era run always had). Stays must come in
 * admissions order.
 *
 * @example
 * const draws = new EraClaimDraws(42, eras);
 * draws.seek(stay.seq); // true when the stay opens a new era
 * draws.allocator.next(draws.rng, stay);
 */
export class EraClaimDraws {
  rng: Rng;
  allocator: ClaimCountAllocator;
  private k = 0;

  constructor(
    private readonly seed: number,
    private readonly eras: readonly Pick<Era, 'index' | 'firstSeq' | 'endSeq' | 'firstClaim' | 'endClaim'>[],
  ) {
    const first = eras[0]!;
    this.rng = this.streamOf(first.index);
    this.allocator = this.allocatorOf(0);
  }

  /** Row of the era's first claim in the claims file. */
  get firstClaim(): number {
    return this.eras[0]!.firstClaim;
  }

  /** Row after the current era's last admission. */
  get endSeq(): number {
    return this.eras[this.k]!.endSeq;
  }

  /** Whether the current era has any claims (without, a stay needs no claim draws at all). */
  get hasClaims(): boolean {
    const e = this.eras[this.k]!;
    return e.endClaim > e.firstClaim;
  }

  /** Moves on to the era of the stay at `seq`; true when that is a new era. */
  seek(seq: number): boolean {
    if (seq < this.eras[this.k]!.endSeq) return false;
    do this.k++;
    while (seq >= this.eras[this.k]!.endSeq);
    this.rng = this.streamOf(this.eras[this.k]!.index);
    this.allocator = this.allocatorOf(this.k);
    return true;
  }

  private streamOf(index: number): Rng {
    return deriveStream(this.seed, index === 0 ? 'claims' : `claims:${index}`);
  }

  private allocatorOf(k: number): ClaimCountAllocator {
    const e = this.eras[k]!;
    return new ClaimCountAllocator(e.endClaim - e.firstClaim, e.endSeq - e.firstSeq);
  }
}
