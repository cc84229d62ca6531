import { defineMeasure } from '../define-measure.js';
import type { MeasureDefinition } from '../measure-types.js';

/**
 * Capacity, revenue-cycle and risk measures: occupancy from the midnight census, denials from
 * silver claims (CO-45 is not a denial; silver's is_denied says so), nurse ratio breaches and the
 * LACE high-risk share.
 */
export const OPERATIONS_MEASURES: readonly MeasureDefinition[] = [
  defineMeasure({
    name: 'occupancy_pct',
    label: 'Bed occupancy',
    description:
      'Midnight census patient-days divided by staffed bed-days over the period (so a month is the mean of its days).',
    table: 'lh_gold.dbo.gold_healthcare_daily_census',
    expression: '100.0 * sum(census) / nullif(sum(staffed_beds), 0)',
    decimals: 2,
    grain: 'calendar day',
    dateColumn: { column: 'census_date', type: 'date' },
    dimensions: ['date'],
    format: 'percent',
    benchmark: { kind: 'range', low: 75, high: 85, note: 'hospital tutorial: occupancy 75–85 %' },
  }),
  defineMeasure({
    name: 'denial_rate',
    label: 'Initial denial rate (claims)',
    description: 'Denied claims (a CARC code other than CO-45) as a share of all claims, by count.',
    table: 'lh_silver.dbo.silver_healthcare_claims',
    expression: '100.0 * count(*) filter (where is_denied) / nullif(count(*), 0)',
    decimals: 2,
    grain: 'claim',
    dateColumn: { column: 'service_dt', type: 'date' },
    dimensions: ['date', 'payer'],
    format: 'percent',
    benchmark: { kind: 'max', value: 5, note: 'hospital tutorial: denial rate under 5 %' },
  }),
  defineMeasure({
    name: 'denial_rate_dollars',
    label: 'Initial denial rate (billed dollars)',
    description: 'Billed amount of denied claims as a share of all billed amounts.',
    table: 'lh_silver.dbo.silver_healthcare_claims',
    expression: '100.0 * coalesce(sum(billed_amt) filter (where is_denied), 0) / nullif(sum(billed_amt), 0)',
    decimals: 2,
    grain: 'claim',
    dateColumn: { column: 'service_dt', type: 'date' },
    dimensions: ['date', 'payer'],
    format: 'percent',
  }),
  defineMeasure({
    name: 'nurse_ratio_breaches',
    label: 'Nurse ratio breaches',
    description:
      'Unit shifts whose patients per RN exceeded the unit’s limit (ratioLimits in carelake.json).',
    table: 'lh_gold.dbo.gold_healthcare_staffing_ratios',
    expression: 'count(*) filter (where over_limit)',
    grain: 'unit shift',
    dateColumn: { column: 'shift_date', type: 'date' },
    dimensions: ['date', 'unit'],
    format: 'number',
  }),
  defineMeasure({
    name: 'high_risk_share',
    label: 'High readmission risk share',
    description: 'Discharged stays whose LACE tier is HIGH (LACE ≥ 10) as a share of all scored discharges.',
    table: 'lh_gold.dbo.gold_healthcare_readmission_risk',
    expression: "100.0 * count(*) filter (where risk_tier = 'HIGH') / nullif(count(*), 0)",
    decimals: 2,
    grain: 'scored discharged stay',
    dimensions: ['drg_code', 'payer', 'risk_tier'],
    format: 'percent',
  }),
  defineMeasure({
    name: 'scored_encounters',
    label: 'Scored discharges',
    description: 'Discharged stays with a LACE readmission-risk score (the risk-tier donut counts these).',
    table: 'lh_gold.dbo.gold_healthcare_readmission_risk',
    expression: 'count(*)',
    grain: 'scored discharged stay',
    dimensions: ['drg_code', 'payer', 'risk_tier'],
    format: 'number',
  }),
];
