import { defineMeasure } from '../define-measure.js';
import type { DimensionName, MeasureDefinition } from '../measure-types.js';

const ENCOUNTERS = 'lh_silver.dbo.silver_healthcare_encounters';
const ED_DIMENSIONS: readonly DimensionName[] = [
  'date',
  'drg_code',
  'payer',
  'disposition',
  'unit',
  'admit_type',
];
const ED_ARRIVAL = { column: 'ed_arrival_dt', type: 'timestamp' } as const;

/**
 * Emergency department throughput over the stays that arrived through the ED, dated by ED arrival
 * (in the lake's zone, as gold_healthcare_ed_metrics). Percentiles are exact (quantile_cont) and
 * computed from encounter rows, so every slice is exact too.
 */
export const ED_MEASURES: readonly MeasureDefinition[] = [
  defineMeasure({
    name: 'ed_volume',
    label: 'ED admissions',
    description: 'Stays that arrived through the emergency department.',
    table: ENCOUNTERS,
    rowFilter: 'ed_arrival_dt is not null',
    expression: 'count(*)',
    grain: 'stay admitted through the ED',
    dateColumn: ED_ARRIVAL,
    dimensions: ED_DIMENSIONS,
    format: 'number',
  }),
  defineMeasure({
    name: 'median_ed_to_admit_minutes',
    label: 'Median ED arrival to admission',
    description: 'Exact median of the minutes from ED arrival to inpatient admission.',
    table: ENCOUNTERS,
    rowFilter: 'ed_arrival_dt is not null',
    expression: 'quantile_cont(ed_to_admit_minutes, 0.5)',
    decimals: 1,
    grain: 'stay admitted through the ED',
    dateColumn: ED_ARRIVAL,
    dimensions: ED_DIMENSIONS,
    format: 'minutes',
    benchmark: {
      kind: 'max',
      value: 240,
      note: 'hospital tutorial: ED arrival to admission under 240 minutes',
    },
  }),
  defineMeasure({
    name: 'p90_ed_to_admit_minutes',
    label: '90th percentile ED arrival to admission',
    description: 'Exact 90th percentile (linear interpolation) of the minutes from ED arrival to admission.',
    table: ENCOUNTERS,
    rowFilter: 'ed_arrival_dt is not null',
    expression: 'quantile_cont(ed_to_admit_minutes, 0.9)',
    decimals: 1,
    grain: 'stay admitted through the ED',
    dateColumn: ED_ARRIVAL,
    dimensions: ED_DIMENSIONS,
    format: 'minutes',
  }),
  defineMeasure({
    name: 'p90_boarding_minutes',
    label: '90th percentile ED boarding time',
    description: 'Exact 90th percentile of the minutes from the decision to admit to admission.',
    table: ENCOUNTERS,
    rowFilter: 'ed_arrival_dt is not null',
    expression: 'quantile_cont(ed_boarding_minutes, 0.9)',
    decimals: 1,
    grain: 'stay admitted through the ED',
    dateColumn: ED_ARRIVAL,
    dimensions: ED_DIMENSIONS,
    format: 'minutes',
  }),
];
