/** Points of the midpoint rule. */
const STEPS = 800;
// Math.log of whole day counts, looked up rather than recomputed 29,000 times per DRG.
const LOG_DAYS = Float64Array.from({ length: 4096 }, (_, d) => Math.log(d));

/**
 * The log-normal median m such that LOS = max(1, round(m·e^(σZ))) has geometric mean `gmlos`:
 * rounding to whole days and the one-day floor both push the geometric mean up, most for short
 * stays, so the median is solved for rather than set to GMLOS. Deterministic (numeric integration).
 *
 * @example
 * losMedianFor(1.7, 0.55); // a little below 1.7
 */
export function losMedianFor(gmlos: number, sigma: number): number {
  // The bisection evaluates expectedOverLos(mid, sigma, Math.log) 36 times over the same grid:
  // its weights and growth factors are computed once here, the same doubles in the same order,
  // so the result is bit for bit the same at a fraction of the exp calls (a visible share of
  // every run's start).
  const grid = losGrid(sigma);
  let lo = gmlos / 4;
  let hi = gmlos * 2;
  for (let i = 0; i < 36; i++) {
    const mid = (lo + hi) / 2;
    if (expectedLogLosOnGrid(mid, grid) > Math.log(gmlos)) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}

/**
 * E[f(max(1, round(m·e^(σZ))))] for Z standard normal, by the midpoint rule over ±6σ.
 *
 * @example
 * expectedOverLos(3, 0.55, (d) => d); // mean LOS in days
 */
export function expectedOverLos(median: number, sigma: number, f: (days: number) => number): number {
  const steps = STEPS;
  let sum = 0;
  let mass = 0;
  for (let i = 0; i < steps; i++) {
    const z = -6 + (12 * (i + 0.5)) / steps;
    const w = Math.exp(-0.5 * z * z);
    sum += w * f(Math.max(1, Math.round(median * Math.exp(sigma * z))));
    mass += w;
  }
  return sum / mass;
}

interface LosGrid {
  weight: Float64Array;
  growth: Float64Array;
}

// The midpoint rule's weights e^(-z²/2) and factors e^(σz), as expectedOverLos computes them.
function losGrid(sigma: number): LosGrid {
  const weight = new Float64Array(STEPS);
  const growth = new Float64Array(STEPS);
  for (let i = 0; i < STEPS; i++) {
    const z = -6 + (12 * (i + 0.5)) / STEPS;
    weight[i] = Math.exp(-0.5 * z * z);
    growth[i] = Math.exp(sigma * z);
  }
  return { weight, growth };
}

// expectedOverLos(median, sigma, Math.log) on a prepared grid, summed in the same order.
function expectedLogLosOnGrid(median: number, grid: LosGrid): number {
  let sum = 0;
  let mass = 0;
  for (let i = 0; i < STEPS; i++) {
    const w = grid.weight[i]!;
    const days = Math.max(1, Math.round(median * grid.growth[i]!));
    sum += w * (days < LOG_DAYS.length ? LOG_DAYS[days]! : Math.log(days));
    mass += w;
  }
  return sum / mass;
}
