import type { Rng } from './rng.js';

const BITS = 12;
const SIZE = 1 << BITS;

/**
 * Log-normal draws with a fixed spread from a table of 4,096 quantiles of e^(σZ): one 32-bit
 * draw and one array read per value, where Rng.logNormal costs a Box–Muller normal (log, square
 * root, sine or cosine) and an exponential. For values drawn millions of times and then rounded
 * to whole seconds (EMR gaps), 4,096 levels are far finer than the rounding. The quantiles come
 * from the normal CDF integrated numerically when the table is built.
 *
 * @example
 * const gaps = new LogNormalTable(0.7);
 * gaps.draw(rng, 75); // median 75
 */
export class LogNormalTable {
  private readonly factors = new Float64Array(SIZE);

  constructor(sigma: number) {
    const z = normalQuantiles(SIZE);
    for (let i = 0; i < SIZE; i++) this.factors[i] = Math.exp(sigma * z[i]!);
  }

  /** A value with the given median. */
  draw(rng: Rng, median: number): number {
    return median * this.factors[rng.uint32() >>> (32 - BITS)]!;
  }
}

// Φ⁻¹((i + 0.5) / n) for i < n: the standard normal CDF by the trapezoid rule on a fine grid
// over ±8, then interpolated at each target probability.
function normalQuantiles(n: number): Float64Array {
  const steps = 1 << 16;
  const lo = -8;
  const h = 16 / steps;
  const cdf = new Float64Array(steps + 1);
  const pdf = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
  for (let k = 1; k <= steps; k++) {
    const x = lo + k * h;
    cdf[k] = cdf[k - 1]! + 0.5 * h * (pdf(x - h) + pdf(x));
  }
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const p = (i + 0.5) / n;
    while (cdf[k + 1]! < p) k++;
    out[i] = lo + (k + (p - cdf[k]!) / (cdf[k + 1]! - cdf[k]!)) * h;
  }
  return out;
}
