import { LogNormalTable } from '../random/log-normal-table.js';
import type { Rng } from '../random/rng.js';

// Drawn once per event: a quantile table instead of Rng.logNormal (see LogNormalTable).
const CLICK_PAUSES = new LogNormalTable(0.7);

/**
 * Seconds between two events of one work session: usually a short click-to-click pause, but now
 * and then a long pause just under the clinician's threshold (`limit`, seconds), and rarely one
 * exactly at it, which still does not split the session (a new one starts only when the gap is
 * strictly greater). These are the cases a sessionizer gets wrong.
 *
 * @example
 * withinSessionGap(rng, 75, 1800); // mostly 20 s – 4 min, never above 1800
 */
export function withinSessionGap(rng: Rng, median: number, limit: number): number {
  const u = rng.float();
  if (u < 0.008) return limit;
  if (u < 0.045) return Math.max(1, limit - 1 - rng.int(Math.min(300, limit)));
  return Math.max(1, Math.min(limit, Math.round(CLICK_PAUSES.draw(rng, median))));
}

/**
 * Seconds between two work sessions: often just over the threshold (by 1 s to 5 min), otherwise
 * a real break.
 *
 * @example
 * betweenSessionGap(rng, 1800); // always > 1800
 */
export function betweenSessionGap(rng: Rng, limit: number): number {
  if (rng.chance(0.35)) return limit + 1 + rng.int(300);
  return limit + 300 + Math.round(rng.exponential(1200));
}
