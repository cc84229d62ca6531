import { defineMeasure } from '../define-measure.js';
import type { DimensionName, MeasureDefinition } from '../measure-types.js';

const ENCOUNTERS = 'lh_silver.dbo.silver_healthcare_encounters';
const STAY_DIMENSIONS: readonly DimensionName[] = [
  'date',
  'drg_code',
  'payer',
  'disposition',
  'unit',
  'admit_type',
];

/**
 * Inpatient stay measures over silver encounters, one row per stay, dated by discharge.
 * Readmissions use silver's CMS-style flags: the denominator is the eligible index stays
 * (discharged alive, not AMA, not transferred), the numerator those readmitted unplanned within 30 days.
 */
export const ENCOUNTER_MEASURES: readonly MeasureDefinition[] = [
  defineMeasure({
    name: 'encounters',
    label: 'Discharged stays',
    description:
      'Inpatient stays with a discharge (the volume behind every per-stay measure: "top DRGs by volume").',
    table: ENCOUNTERS,
    rowFilter: 's.discharge_dt is not null',
    expression: 'count(*)',
    grain: 'discharged stay',
    dateColumn: { column: 'discharge_date', type: 'date' },
    dimensions: STAY_DIMENSIONS,
    format: 'number',
  }),
  defineMeasure({
    name: 'readmission_rate',
    label: '30-day readmission rate',
    description:
      'Eligible index stays (discharged alive, not AMA, not transferred to another acute hospital) followed by an unplanned admission of the same patient 0–30 days after discharge, as a share of all eligible index stays.',
    table: ENCOUNTERS,
    rowFilter: 'index_eligible',
    expression: '100.0 * sum(readmitted_within_30d) / nullif(count(*), 0)',
    decimals: 2,
    grain: 'eligible index stay',
    dateColumn: { column: 'discharge_date', type: 'date' },
    dimensions: STAY_DIMENSIONS,
    format: 'percent',
    benchmark: { kind: 'max', value: 15, note: 'hospital tutorial: readmission rate under 15 %' },
  }),
  defineMeasure({
    name: 'avg_los',
    label: 'Average length of stay',
    description: 'Mean of discharge date − admit date in days, over stays with a valid (not negative) LOS.',
    table: ENCOUNTERS,
    rowFilter: 'los_calc is not null',
    expression: 'avg(los_calc)',
    decimals: 2,
    grain: 'discharged stay with a valid LOS',
    dateColumn: { column: 'discharge_date', type: 'date' },
    dimensions: STAY_DIMENSIONS,
    format: 'days',
  }),
  defineMeasure({
    name: 'case_mix_index',
    label: 'Case mix index',
    description:
      'Sum of the MS-DRG relative weights of the discharged stays divided by the number of those stays whose DRG has a weight: computed from stays, never an average of per-DRG averages; DRGs without a weight are left out, never weighted 1.0.',
    table: ENCOUNTERS,
    lookups: [
      {
        table: 'lh_silver.dbo.ref_ms_drg_weights',
        alias: 'w',
        on: { source: 'drg_code', lookup: 'drg_code' },
      },
    ],
    rowFilter: 's.discharge_dt is not null',
    expression: 'sum(w.relative_weight) / nullif(count(w.relative_weight), 0)',
    decimals: 4,
    grain: 'discharged stay',
    dateColumn: { column: 'discharge_date', type: 'date' },
    dimensions: STAY_DIMENSIONS,
    format: 'ratio',
    benchmark: {
      kind: 'range',
      low: 1.4,
      high: 1.8,
      note: 'hospital tutorial: CMI about 1.4–1.8 for a community hospital',
    },
  }),
];
