import type { Rng } from '../random/rng.js';
import type { Clinician } from './clinician.js';

/**
 * Splits a day's event budget over the clinicians on shift, in proportion to how busy their role
 * is (with some personal variation), by largest remainder so the counts sum to `budget` exactly.
 * When the budget is small, fewer clinicians work, so that each shift still has a LOGIN and a
 * LOGOUT.
 *
 * @example
 * allocateBudget(rng, 5000, onShift); // [[clinician, 112], …]
 */
export function allocateBudget(
  rng: Rng,
  budget: number,
  candidates: readonly Clinician[],
): [Clinician, number][] {
  let working = [...candidates];
  const most = Math.max(1, Math.floor(budget / 2));
  if (working.length > most) {
    for (let i = working.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [working[i], working[j]] = [working[j]!, working[i]!];
    }
    working = working.slice(0, most).sort((a, b) => a.index - b.index);
  }
  const weights = working.map((c) => c.profile.eventsPerShift * (0.7 + 0.6 * rng.float()));
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (budget * w) / total);
  const counts = exact.map(Math.floor);
  let left = budget - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % byRemainder.length, left--) counts[byRemainder[k]![1]]!++;
  return working.map((c, i) => [c, counts[i]!] as [Clinician, number]).filter(([, n]) => n > 0);
}
