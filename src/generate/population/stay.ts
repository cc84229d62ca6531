import type { Disposition } from './disposition-model.js';
import type { AdmitType, DrgEntry } from './drg-catalog.js';

/** Who a stay's patient is, as the files show them (their history stays in the simulation). */
export interface StayPatient {
  index: number;
  /** Pseudonym (HMAC-SHA-256 of the MRN) where the simulating thread hashes, else ''. */
  mrnHash: string;
  /** Serial of the synthetic SSN: its masked form is all any output shows (see maskedSsnText). */
  ssnSerial: number;
  gender: 'F' | 'M' | 'U';
  payer: string;
}

/** One inpatient stay (encounter). Times are epoch seconds, UTC. */
export interface Stay {
  patient: StayPatient;
  /** 0-based position in the admissions file, set when the stay is written. */
  seq: number;
  admitType: AdmitType;
  drg: DrgEntry;
  /** Principal diagnosis (ICD-10-CM). */
  icd10: string;
  /** Index into HOSPITAL_UNITS. */
  unit: number;
  edArrival: number | null;
  edDecision: number | null;
  admit: number;
  discharge: number;
  /** Whole days between admit and discharge dates. */
  los: number;
  disposition: Disposition;
  age: number;
  charlson: number;
  edVisitsPrior6m: number;
  /** Admitted within 30 days of the patient's previous discharge. */
  readmit: boolean;
  /** Nursing acuity on a 1–5 scale. */
  acuity: number;
}
