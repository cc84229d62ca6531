import { WEEKDAY_VOLUME } from './time-profiles.js';

const DAY = 86_400;

/**
 * cumulative[d] = relative admission volume of days 0 … d-1 of a period starting at
 * `periodStart`: the curve the simulation's daily admission targets follow.
 *
 * @example
 * const c = cumulativeVolume(periodStart, 365);
 * const shareOfFirstWeek = c[7]! / c[365]!;
 */
export function cumulativeVolume(periodStart: number, days: number): Float64Array {
  const out = new Float64Array(days + 1);
  for (let d = 0; d < days; d++) {
    const weekday = (Math.floor(periodStart / DAY) + d + 4) % 7;
    out[d + 1] = out[d]! + WEEKDAY_VOLUME[weekday]!;
  }
  return out;
}
