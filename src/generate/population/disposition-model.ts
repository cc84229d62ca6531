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

/** Dispositions of survivors, in the order their weights are laid out (Expired is the other). */
const SURVIVED: readonly Disposition[] = [
  'Home',
  'Home Health',
  'SNF',
  'Rehab',
  'Hospice',
  'AMA',
  'Transfer',
];
/** Dispositions by code: the survivors' codes are their positions in SURVIVED, then Expired. */
export const DISPOSITIONS: readonly Disposition[] = [...SURVIVED, 'Expired'];
/** Code of Expired. */
export const EXPIRED = SURVIVED.length;
/** Code of Hospice. */
export const HOSPICE = SURVIVED.indexOf('Hospice');
const HOME = 0;
const WEIGHTS = new Float64Array(SURVIVED.length);

/**
 * Draws the code (in DISPOSITIONS) of the discharge disposition: in-hospital death (about 2–3%, higher with age, comorbidity,
 * ICU care and deadly DRGs such as sepsis), then home, home health, skilled nursing (older and
 * sicker patients), rehab (stroke, joint replacement), hospice, against medical advice, transfer.
 *
 * @example
 * drawDisposition(rng, { age: 80, charlson: 4, frailty: 0.5, drgCode: '871', drgMortality: 1.3, icu: true }); // a code in DISPOSITIONS
 */
export function drawDisposition(rng: Rng, x: DispositionInputs): number {
  const deathLogit =
    -5.1 + 0.04 * (x.age - 65) + 0.13 * x.charlson + x.drgMortality + 0.3 * x.frailty + (x.icu ? 0.9 : 0);
  if (rng.float() < 1 / (1 + Math.exp(-deathLogit))) return EXPIRED;
  const rehabDrg = x.drgCode === '065' || x.drgCode === '470';
  // Weights in a scratch array reused by every call: a fresh table of [name, weight] pairs was
  // eight allocations per stay. Same weights, same order, same sums.
  const w = WEIGHTS;
  w[0] = 62;
  w[1] = 10 + 0.5 * Math.max(0, x.age - 60);
  w[2] = 4 + 0.7 * Math.max(0, x.age - 68) + 1.5 * x.charlson;
  w[3] = rehabDrg ? 14 : 2;
  w[4] = 0.5 + 1.2 * Math.max(0, x.charlson - 4);
  w[5] = x.age < 50 ? 3 : 0.6;
  w[6] = 2;
  let total = 0;
  for (let k = 0; k < w.length; k++) total += w[k]!;
  let u = rng.float() * total;
  for (let k = 0; k < w.length; k++) {
    u -= w[k]!;
    if (u < 0) return k;
  }
  return HOME;
}
