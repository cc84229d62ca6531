import { cumulativeVolume } from './cumulative-volume.js';
import type { HospitalPlan } from './plan-hospital.js';

/**
 * About how long an era is: long enough that each era's own burn-in (and the patients it adds)
 * is a small extra cost, short enough that a run of 15 years or more (from about 400,000
 * admissions at the default 350 beds) has two eras to simulate side by side. A property of the
 * period alone (never of the machine), so the same options always give the same eras.
 */
export const ERA_DAYS = 3653;
/**
 * Patient indexes of era k start at k·ERA_PATIENTS: eras never share a patient, so MRNs stay
 * unique with no era knowing how many patients the others had. 2^26, so the 14 eras a billion
 * MRNs allow are far more than a 20-year period (at most 2) has.
 */
export const ERA_PATIENTS = 1 << 26;

/**
 * A stretch of the period simulated on its own: its own random streams, burn-in and patients,
 * and a number of admissions (and claims) fixed before the run, so its rows' positions in the
 * files are known whichever era is simulated first.
 */
export interface Era {
  index: number;
  /** Days [firstDay, endDay) of the period. */
  firstDay: number;
  endDay: number;
  /** Its admissions are rows [firstSeq, endSeq) of the admissions file. */
  firstSeq: number;
  endSeq: number;
  /** Its claims are rows [firstClaim, endClaim) of the claims file. */
  firstClaim: number;
  endClaim: number;
  /** Index of its first patient. */
  patientBase: number;
}

/**
 * Cuts the period into eras of about ERA_DAYS days (one for periods under 1.5 eras) and shares
 * the admissions among them by the weekday volume curve, and the claims by admissions.
 *
 * @example
 * planEras(plan, { admissions: 1_000_000, claims: 2_500_000 }); // 2 eras over 20 years
 */
export function planEras(plan: HospitalPlan, counts: { admissions: number; claims: number }): Era[] {
  const n = Math.max(1, Math.round(plan.periodDays / ERA_DAYS));
  const cumulative = cumulativeVolume(plan.periodStart, plan.periodDays);
  const total = cumulative[plan.periodDays]!;
  const dayAt = (k: number) => Math.floor((k * plan.periodDays) / n);
  const seqAt = (k: number) =>
    k === n ? counts.admissions : Math.round((counts.admissions * cumulative[dayAt(k)]!) / total);
  const claimAt = (seq: number) =>
    counts.admissions === 0 ? 0 : Math.floor((counts.claims * seq) / counts.admissions);
  return Array.from({ length: n }, (_, k) => ({
    index: k,
    firstDay: dayAt(k),
    endDay: dayAt(k + 1),
    firstSeq: seqAt(k),
    endSeq: seqAt(k + 1),
    firstClaim: k === 0 ? 0 : claimAt(seqAt(k)),
    endClaim: k === n - 1 ? counts.claims : claimAt(seqAt(k + 1)),
    patientBase: k * ERA_PATIENTS,
  }));
}
