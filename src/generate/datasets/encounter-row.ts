import type { Patient } from '../population/patient.js';
import type { Stay } from '../population/stay.js';

/**
 * What the admissions and claims writers read of a stay: a Stay has all of it, and a stay
 * rebuilt from a batch in the encounter worker has exactly this.
 */
export type EncounterRow = Pick<
  Stay,
  | 'seq'
  | 'admitType'
  | 'drg'
  | 'icd10'
  | 'unit'
  | 'edArrival'
  | 'edDecision'
  | 'admit'
  | 'discharge'
  | 'los'
  | 'disposition'
  | 'age'
  | 'charlson'
  | 'edVisitsPrior6m'
  | 'readmit'
> & { patient: Pick<Patient, 'mrnHash' | 'ssnMasked' | 'payer' | 'gender'> };
