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
  // Plain loops over typed arrays: it runs once per EMR day in every generating thread, and its
  // chain of array methods and closures had the optimizing compiler busy for more than it saved.
  let working = candidates.slice();
  const most = Math.max(1, Math.floor(budget / 2));
  if (working.length > most) {
    for (let i = working.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const swap = working[i]!;
      working[i] = working[j]!;
      working[j] = swap;
    }
    working = working.slice(0, most).sort((a, b) => a.index - b.index);
  }
  const n = working.length;
  const weights = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    weights[i] = working[i]!.profile.eventsPerShift * (0.7 + 0.6 * rng.float());
    total += weights[i]!;
  }
  const counts = new Float64Array(n);
  const remainders = new Float64Array(n);
  let left = budget;
  for (let i = 0; i < n; i++) {
    const exact = (budget * weights[i]!) / total;
    counts[i] = Math.floor(exact);
    remainders[i] = exact - counts[i]!;
    left -= counts[i]!;
  }
  // Largest remainders first, ties by position.
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => remainders[b]! - remainders[a]! || a - b,
  );
  for (let k = 0; left > 0; k = (k + 1) % n, left--) counts[order[k]!]!++;
  const out: [Clinician, number][] = [];
  for (let i = 0; i < n; i++) if (counts[i]! > 0) out.push([working[i]!, counts[i]!]);
  return out;
}
