import { maskedSsnSerial } from '../../privacy/synthetic-ssn.js';
import type { Rng } from '../random/rng.js';
import type { DrgEntry } from './drg-catalog.js';
import { payerForAge } from './payer-for-age.js';

/** ED arrivals a patient's history keeps (prior ED visits look back six months). */
export const ED_HISTORY = 8;
const NONE = Number.NEGATIVE_INFINITY;
const DAY = 86_400;

/** A simulated patient: who they are and the history that shapes their next stay. */
export interface Patient {
  index: number;
  /**
   * Pseudonym (HMAC-SHA-256 of the MRN), set when the patient's first stay is written ('' until
   * then: patients seen only in the burn-in are never hashed). The MRN itself is never stored.
   */
  mrnHash: string;
  /** Serial of the synthetic SSN: its masked form is all any output shows (see maskedSsnText). */
  ssnSerial: number;
  gender: 'F' | 'M' | 'U';
  payer: string;
  /** Age on `firstSeenDay`. */
  ageAtFirst: number;
  /**
   * Days since 1970-01-01 of the first arrival: a small integer V8 stores in the object, where
   * epoch seconds (above 2^30) were a separate heap number to fetch per stay.
   */
  firstSeenDay: number;
  /** Hidden frailty (standard normal): drives comorbidity, ED use and readmission, but is not in
   * any output, so a model built on the outputs cannot be perfect. */
  frailty: number;
  cancer: boolean;
  charlson: number;
  /**
   * ED arrival times (epoch seconds) of the last ED_HISTORY earlier stays, a ring written at
   * `edCount % ED_HISTORY`; -Infinity in unused slots. Fixed size: no growth or shift per stay.
   */
  edArrivals: number[];
  edCount: number;
  /** DRG and discharge time of the previous stay (null and -Infinity before the first). Never
   * undefined, so the fields keep one representation (undefined then a number made V8
   * generalise every patient's shape). */
  lastDrg: DrgEntry | null;
  lastDischarge: number;
  /** Stays so far, and how many of them were written (not burn-in). */
  stays: number;
  writtenStays: number;
}

/**
 * Draws a new patient arriving at `time`: age (5% children, adults centred on the mid-60s),
 * gender, payer by age, hidden frailty, comorbidity burden, a synthetic masked SSN.
 *
 * @example
 * const p = createPatient(rng, 0, time);
 */
export function createPatient(rng: Rng, index: number, time: number): Patient {
  const child = rng.chance(0.05);
  const age = child ? rng.int(18) : Math.min(100, Math.max(18, Math.round(64 + 17 * rng.normal())));
  const frailty = rng.normal();
  const charlsonMean = child ? 0.1 : Math.exp(-0.35 + 0.035 * (age - 60) + 0.45 * frailty);
  const u = rng.float();
  return {
    index,
    mrnHash: '',
    ssnSerial: maskedSsnSerial((n) => rng.int(n)),
    gender: u < 0.52 ? 'F' : u < 0.995 ? 'M' : 'U',
    payer: payerForAge(age, rng),
    ageAtFirst: age,
    firstSeenDay: time / DAY,
    frailty,
    cancer: !child && rng.chance(0.03 + 0.0015 * Math.max(0, age - 40)),
    charlson: Math.min(15, rng.poisson(charlsonMean)),
    edArrivals: [NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE],
    edCount: 0,
    lastDrg: null,
    lastDischarge: NONE,
    stays: 0,
    writtenStays: 0,
  };
}
