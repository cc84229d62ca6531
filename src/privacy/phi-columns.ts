/** How a landing column that derives from PHI is protected. */
export type PhiTreatment = 'hmac-sha256' | 'masked' | 'quasi-identifier';

/** One registered column. */
export interface PhiColumn {
  dataset: string;
  column: string;
  treatment: PhiTreatment;
  note: string;
}

/**
 * Every landing column that is, or derives from, protected health information, with how it is
 * protected. Tests check each generated file against it; access policies can be built from it.
 * Raw MRNs and full SSNs appear nowhere: only these protected forms do.
 */
export const PHI_COLUMNS: readonly PhiColumn[] = [
  { dataset: 'admissions', column: 'mrn_hash', treatment: 'hmac-sha256', note: 'HMAC-SHA-256 of the MRN' },
  { dataset: 'admissions', column: 'ssn_masked', treatment: 'masked', note: 'XXX-XX- and last four digits' },
  { dataset: 'admissions', column: 'age', treatment: 'quasi-identifier', note: 'in years, not a birth date' },
  { dataset: 'admissions', column: 'gender', treatment: 'quasi-identifier', note: 'F, M or U' },
  {
    dataset: 'emr_events',
    column: 'patient_id',
    treatment: 'hmac-sha256',
    note: 'same pseudonym as mrn_hash',
  },
];
