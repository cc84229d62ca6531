/**
 * A small, fast, seedable pseudo-random generator (sfc32: 128-bit state, 32-bit outputs). Every
 * random choice in the generator goes through one of these, each stream seeded from the run's
 * seed, so the same seed always gives the same data. Never Math.random.
 *
 * @example
 * const rng = new Rng([1, 2, 3, 4]);
 * rng.float(); // in [0, 1)
 */
export class Rng {
  // a, b, c, d in an Int32Array: as object fields, 32-bit values outside V8's small-integer
  // range are boxed doubles, which made each draw about twice as slow (measured).
  private readonly s = new Int32Array(4);
  // The kept second normal, valid when hasSpare. A number field that never holds undefined keeps
  // V8's double representation, so storing a spare updates it in place instead of allocating a
  // heap number per draw (normals are drawn millions of times per run).
  private spareNormal = 0;
  private hasSpare = false;

  constructor(state: readonly [number, number, number, number]) {
    for (let i = 0; i < 4; i++) this.s[i] = state[i]! | 0;
    // Mix the state so that nearby seeds do not give correlated first draws.
    for (let i = 0; i < 15; i++) this.uint32();
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    const s = this.s;
    const a = s[0]!;
    const b = s[1]!;
    const c = s[2]!;
    const d = s[3]!;
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi], both included. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** Standard normal (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spareNormal;
    }
    const u = 1 - this.float();
    const v = this.float();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    this.hasSpare = true;
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and log-scale spread. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.float());
  }

  /** Poisson count (Knuth's method below 30, a rounded normal above: only used for small means). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.float();
    while (p > limit) {
      k++;
      p *= this.float();
    }
    return k;
  }
}
