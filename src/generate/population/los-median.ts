/**
 * The log-normal median m such that LOS = max(1, round(m·e^(σZ))) has geometric mean `gmlos`:
 * rounding to whole days and the one-day floor both push the geometric mean up, most for short
 * stays, so the median is solved for rather than set to GMLOS. Deterministic (numeric integration).
 *
 * @example
 * losMedianFor(1.7, 0.55); // a little below 1.7
 */
export function losMedianFor(gmlos: number, sigma: number): number {
  let lo = gmlos / 4;
  let hi = gmlos * 2;
  for (let i = 0; i < 36; i++) {
    const mid = (lo + hi) / 2;
    if (expectedLogLos(mid, sigma) > Math.log(gmlos)) hi = mid;
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
  const steps = 800;
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

function expectedLogLos(median: number, sigma: number): number {
  return expectedOverLos(median, sigma, Math.log);
}
