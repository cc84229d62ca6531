import type { Disposition } from './disposition-model.js';

/** What 30-day readmission risk depends on (the LACE items plus age and hidden frailty). */
export interface ReadmissionInputs {
  age: number;
  los: number;
  charlson: number;
  edVisitsPrior6m: number;
  emergency: boolean;
  disposition: Disposition;
  frailty: number;
}

const DISPOSITION_EFFECT: Readonly<Record<Disposition, number>> = {
  Home: 0,
  'Home Health': 0.25,
  SNF: 0.4,
  Rehab: 0.2,
  AMA: 0.9,
  Transfer: 0.1,
  Hospice: Number.NEGATIVE_INFINITY,
  Expired: Number.NEGATIVE_INFINITY,
};

/** Calibrated so that about 15% of admissions are 30-day readmissions. */
const INTERCEPT = -3.25;

/**
 * Probability that a discharge is followed by an unplanned readmission within 30 days. A logistic
 * model on length of stay, acuity, comorbidity, ED use (what LACE scores), age and disposition,
 * plus the patient's hidden frailty: LACE ranks risk well but not perfectly, as in real data.
 * Patients who died or went to hospice never come back.
 *
 * @example
 * readmissionProbability({ age: 78, los: 6, charlson: 4, edVisitsPrior6m: 2, emergency: true, disposition: 'SNF', frailty: 0.8 });
 */
export function readmissionProbability(x: ReadmissionInputs): number {
  const logit =
    INTERCEPT +
    0.022 * (x.age - 65) +
    0.35 * Math.log(x.los) +
    0.11 * x.charlson +
    0.22 * Math.min(x.edVisitsPrior6m, 5) +
    (x.emergency ? 0.25 : 0) +
    DISPOSITION_EFFECT[x.disposition] +
    0.75 * x.frailty;
  return 1 / (1 + Math.exp(-logit));
}

/**
 * Probability that a patient who is not readmitted within 30 days comes back later for an
 * unrelated stay (frail, older and comorbid patients more often).
 *
 * @example
 * laterStayProbability({ age: 70, charlson: 3, frailty: 0 }); // about 0.3
 */
export function laterStayProbability(x: { age: number; charlson: number; frailty: number }): number {
  const logit = -1.1 + 0.5 * x.frailty + 0.08 * x.charlson + 0.01 * (x.age - 65);
  return 1 / (1 + Math.exp(-logit));
}
