import type { DimensionName } from './measure-types.js';

/**
 * The tables measures aggregate and, for each, the column behind each category dimension.
 * A measure's category dimensions must all be mapped for its table (a test checks it).
 */
export const SOURCE_TABLES: Readonly<
  Record<string, Partial<Record<Exclude<DimensionName, 'date'>, string>>>
> = {
  'lh_silver.dbo.silver_healthcare_encounters': {
    drg_code: 'drg_code',
    payer: 'payer',
    disposition: 'disposition',
    unit: 'unit',
    admit_type: 'admit_type',
  },
  // A claim's payer is its encounter's (the payer the claim itself names may be a secondary one).
  'lh_silver.dbo.silver_healthcare_claims': { payer: 'encounter_payer' },
  'lh_gold.dbo.gold_healthcare_daily_census': {},
  'lh_gold.dbo.gold_healthcare_readmission_risk': {
    drg_code: 'drg_code',
    payer: 'payer',
    risk_tier: 'risk_tier',
  },
  'lh_gold.dbo.gold_healthcare_staffing_ratios': { unit: 'unit' },
  'lh_gold.dbo.clinician_emr_sessions': { clinician_role: 'clinician_role' },
};
