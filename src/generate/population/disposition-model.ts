import type { Rng } from '../random/rng.js';

/** Where a patient went at discharge. */
export type Disposition =
  | 'Home'
  | 'Home Health'
  | 'SNF'
  | 'Rehab'
  | 'Hospice'
  | 'AMA'
  | 'Transfer'
  | 'Expired';

/** What the disposition depends on. */
export interface DispositionInputs {
  age: number;
  charlson: number;
  frailty: number;
  drgCode: string;
  /** Added log-odds of in-hospital death for the DRG. */
  drgMortality: number;
  icu: boolean;
}

/**
 * Draws the discharge disposition: in-hospital death (about 2–3%, higher with age, comorbidity,
 * ICU care and deadly DRGs such as sepsis), then home, home health, skilled nursing (older and
 * sicker patients), rehab (stroke, joint replacement), hospice, against medical advice, transfer.
 *
 * @example
 * drawDisposition(rng, { age: 80, charlson: 4, frailty: 0.5, drgCode: '871', drgMortality: 1.3, icu: true });
 */
export function drawDisposition(rng: Rng, x: DispositionInputs): Disposition {
  const deathLogit =
    -5.1 + 0.04 * (x.age - 65) + 0.13 * x.charlson + x.drgMortality + 0.3 * x.frailty + (x.icu ? 0.9 : 0);
  if (rng.float() < 1 / (1 + Math.exp(-deathLogit))) return 'Expired';
  const rehabDrg = x.drgCode === '065' || x.drgCode === '470';
  const weights: [Disposition, number][] = [
    ['Home', 62],
    ['Home Health', 10 + 0.5 * Math.max(0, x.age - 60)],
    ['SNF', 4 + 0.7 * Math.max(0, x.age - 68) + 1.5 * x.charlson],
    ['Rehab', rehabDrg ? 14 : 2],
    ['Hospice', 0.5 + 1.2 * Math.max(0, x.charlson - 4)],
    ['AMA', x.age < 50 ? 3 : 0.6],
    ['Transfer', 2],
  ];
  let total = 0;
  for (const [, w] of weights) total += w;
  let u = rng.float() * total;
  for (const [name, w] of weights) {
    u -= w;
    if (u < 0) return name;
  }
  return 'Home';
}
