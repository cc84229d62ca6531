/** A column of a landing dataset: its name, DuckDB/Parquet type, and whether a row needs it. */
export interface LandingColumn {
  name: string;
  type: 'VARCHAR' | 'INTEGER' | 'BOOLEAN' | 'DOUBLE' | 'DECIMAL(12,2)' | 'DATE' | 'TIMESTAMPTZ';
  required: boolean;
  /**
   * Text with few distinct values (codes, categories): dictionary-encoded in Parquet. Ids and
   * pseudonyms are nearly unique, where a dictionary costs a hash lookup per row for nothing.
   */
  few?: boolean;
}

/** A dataset that `carelake generate` lands (the CSV header is the column names in order). */
export interface LandingDataset {
  name: 'admissions' | 'claims' | 'staffing' | 'emr_events';
  /** The column that identifies a row (used in the injected-faults sidecar). */
  key: string;
  columns: readonly LandingColumn[];
}

const col = (name: string, type: LandingColumn['type'], required = false): LandingColumn => ({
  name,
  type,
  required,
});
const code = (name: string, required = false): LandingColumn => ({
  ...col(name, 'VARCHAR', required),
  few: true,
});

/**
 * The landing contract of the generated datasets: column order and types of the Parquet files
 * (timestamps are UTC instants, TIMESTAMPTZ), and the columns every row must have. clinicians.csv
 * and roles.csv are always CSV and have their own fixed headers.
 */
export const LANDING_DATASETS: Readonly<Record<LandingDataset['name'], LandingDataset>> = {
  admissions: {
    name: 'admissions',
    key: 'encounter_id',
    columns: [
      col('encounter_id', 'VARCHAR', true),
      col('mrn_hash', 'VARCHAR', true),
      col('ssn_masked', 'VARCHAR'),
      col('admit_dt', 'TIMESTAMPTZ', true),
      col('discharge_dt', 'TIMESTAMPTZ', true),
      col('los', 'INTEGER'),
      code('drg_code', true),
      code('payer', true),
      col('readmit_flag', 'BOOLEAN'),
      col('ed_arrival_dt', 'TIMESTAMPTZ'),
      code('disposition'),
      col('age', 'INTEGER'),
      code('gender'),
      code('admit_type'),
      col('ed_decision_dt', 'TIMESTAMPTZ'),
      code('unit'),
      col('charlson_index', 'INTEGER'),
      col('ed_visits_prior_6m', 'INTEGER'),
    ],
  },
  claims: {
    name: 'claims',
    key: 'claim_id',
    columns: [
      col('claim_id', 'VARCHAR', true),
      col('encounter_id', 'VARCHAR', true),
      code('payer', true),
      code('cpt_code', true),
      code('icd10_code'),
      col('billed_amt', 'DECIMAL(12,2)', true),
      col('allowed_amt', 'DECIMAL(12,2)'),
      col('paid_amt', 'DECIMAL(12,2)'),
      code('denial_reason_code'),
      col('service_dt', 'DATE', true),
    ],
  },
  staffing: {
    name: 'staffing',
    key: 'staffing_id',
    columns: [
      col('staffing_id', 'VARCHAR', true),
      code('unit', true),
      code('shift', true),
      col('shift_date', 'DATE', true),
      col('patient_count', 'INTEGER', true),
      col('rn_count', 'INTEGER', true),
      col('acuity_score', 'DOUBLE'),
      col('ratio', 'DOUBLE'),
    ],
  },
  emr_events: {
    name: 'emr_events',
    key: 'event_id',
    columns: [
      col('event_id', 'VARCHAR', true),
      col('clinician_id', 'INTEGER', true),
      col('event_timestamp', 'TIMESTAMPTZ', true),
      code('event_type', true),
      col('patient_id', 'VARCHAR'),
      col('metadata', 'VARCHAR'),
    ],
  },
};
