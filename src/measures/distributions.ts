import type { DateColumn, DimensionName, MeasureFormat } from './measure-types.js';

/** A per-row value whose spread the dashboard draws as a histogram, defined once like a measure. */
export interface DistributionDefinition {
  name: string;
  label: string;
  description: string;
  /** The one table, aliased `s`. */
  table: string;
  /** Trusted SQL: the value of one row. */
  value: string;
  /** Trusted SQL: which rows count. */
  rowFilter: string;
  dateColumn: DateColumn;
  dimensions: readonly DimensionName[];
  format: MeasureFormat;
  /** Default bin width, in the value's unit. */
  binWidth: number;
  /** Values at or above this fall into one last, open bin. */
  maxValue: number;
}

const DISTRIBUTIONS: readonly DistributionDefinition[] = [
  {
    name: 'ed_to_admit_minutes',
    label: 'ED arrival to admission (minutes)',
    description: 'Minutes from ED arrival to inpatient admission, per stay that arrived through the ED.',
    table: 'lh_silver.dbo.silver_healthcare_encounters',
    value: 's.ed_to_admit_minutes',
    rowFilter: 's.ed_arrival_dt is not null and s.ed_to_admit_minutes is not null',
    dateColumn: { column: 'ed_arrival_dt', type: 'timestamp' },
    dimensions: ['date', 'drg_code', 'payer', 'disposition', 'unit', 'admit_type'],
    format: 'minutes',
    binWidth: 30,
    maxValue: 720,
  },
  {
    name: 'session_minutes',
    label: 'EMR session duration (minutes)',
    description: 'Minutes from the first to the last event of each clinician EMR session.',
    table: 'lh_gold.dbo.clinician_emr_sessions',
    value: 's.session_duration_seconds / 60.0',
    rowFilter: 's.session_duration_seconds is not null',
    dateColumn: { column: 'session_date', type: 'date' },
    dimensions: ['date', 'clinician_role'],
    format: 'minutes',
    binWidth: 5,
    maxValue: 240,
  },
  {
    name: 'los_days',
    label: 'Length of stay (days)',
    description: 'Discharge date − admit date, per stay with a valid LOS.',
    table: 'lh_silver.dbo.silver_healthcare_encounters',
    value: 's.los_calc',
    rowFilter: 's.los_calc is not null',
    dateColumn: { column: 'discharge_date', type: 'date' },
    dimensions: ['date', 'drg_code', 'payer', 'disposition', 'unit', 'admit_type'],
    format: 'days',
    binWidth: 1,
    maxValue: 30,
  },
];

/**
 * Every distribution, for the API's metadata. Pure.
 *
 * @example
 * listDistributions().map((d) => d.name); // ['ed_to_admit_minutes', 'session_minutes', 'los_days']
 */
export function listDistributions(): readonly DistributionDefinition[] {
  return DISTRIBUTIONS;
}
