import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { makePipelineLake, queryLake, runPipeline } from '../helpers/pipeline-lake.js';
import { PROJECT_ROOT } from '../helpers/project-root.js';

// Hand-made landing files; every expected figure below was worked out by hand from them
// (see the comments). Patients: P1 = E1–E3, P2 = E4–E6, P3 = E7–E8, P4 = E9–E10.
const FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'hospital');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const FILES = ['admissions.csv', 'admissions_2025-03-10.csv', 'claims.csv', 'staffing.csv'];

async function goldenLake(): Promise<string> {
  const lake = await makePipelineLake(Object.fromEntries(FILES.map((f) => [f, fixture(f)])), {
    staffedBeds: 10,
  });
  await runPipeline(lake, 'hospital');
  return lake;
}

test('bronze types every row or quarantines it with a reason, and withholds PHI-looking values', async () => {
  const lake = await goldenLake();
  const reasons = await queryLake(
    lake,
    'SELECT _source_table, _reject_reason, count(*) AS n FROM lh_bronze.dbo.quarantine GROUP BY ALL ORDER BY ALL',
  );
  assert.deepEqual(reasons, [
    { _source_table: 'bronze_healthcare_admissions', _reject_reason: 'invalid_admit_dt', n: 1 },
    { _source_table: 'bronze_healthcare_admissions', _reject_reason: 'invalid_mrn_hash', n: 1 },
    { _source_table: 'bronze_healthcare_admissions', _reject_reason: 'invalid_ssn_masked', n: 1 },
    { _source_table: 'bronze_healthcare_admissions', _reject_reason: 'malformed_row', n: 1 },
    { _source_table: 'bronze_healthcare_claims', _reject_reason: 'invalid_billed_amt', n: 1 },
  ]);
  const everything = JSON.stringify(await queryLake(lake, 'SELECT * FROM lh_bronze.dbo.quarantine'));
  assert.doesNotMatch(everything, /MRN-123456/);
  assert.doesNotMatch(everything, /123-45-6789/);
  assert.match(everything, /value withheld/);
  const silver = await queryLake(
    lake,
    'SELECT _source_table, _reject_reason, count(*) AS n FROM lh_silver.dbo.quarantine GROUP BY ALL ORDER BY ALL',
  );
  assert.deepEqual(silver, [
    { _source_table: 'silver_healthcare_claims', _reject_reason: 'unknown_encounter', n: 1 },
    { _source_table: 'silver_healthcare_encounters', _reject_reason: 'superseded', n: 1 },
  ]);
});

test('silver encounters: LOS from dates, ED intervals, CMS-style readmissions (day 0, 30 and 31; expired, AMA, transfer, elective)', async () => {
  const lake = await goldenLake();
  const rows = await queryLake(
    lake,
    `SELECT encounter_id, los_calc, los_negative, index_eligible, readmitted_within_30d, readmit_30d, days_since_last_discharge,
            ed_to_admit_minutes, ed_boarding_minutes
     FROM silver_healthcare_encounters ORDER BY admit_dt`,
  );
  const byId = Object.fromEntries(rows.map((r) => [r.encounter_id, r]));
  assert.equal(rows.length, 10);
  // E1 → E2 the same day (day 0, Emergency): readmitted. E2 → E3 on day 30 (Urgent): readmitted.
  assert.deepEqual(
    [
      byId.E1!.readmitted_within_30d,
      byId.E2!.readmitted_within_30d,
      byId.E2!.readmit_30d,
      byId.E3!.readmit_30d,
    ],
    [1, 1, true, true],
  );
  assert.equal(byId.E2!.days_since_last_discharge, 0);
  assert.equal(byId.E3!.days_since_last_discharge, 30);
  // E4 → E5 on day 31: not a readmission. E5 left AMA, E6 was a transfer, E3 expired: not index stays.
  assert.deepEqual(
    [
      byId.E4!.readmitted_within_30d,
      byId.E5!.index_eligible,
      byId.E6!.index_eligible,
      byId.E3!.index_eligible,
    ],
    [0, false, false, false],
  );
  // E7 → E8 (Elective, day 8): planned, so not a readmission.
  assert.deepEqual([byId.E7!.readmitted_within_30d, byId.E8!.readmit_30d], [0, false]);
  // E8 was re-delivered with a later discharge: the latest delivery wins (LOS 3, not 2).
  assert.equal(byId.E8!.los_calc, 3);
  // E9 → E10 (Urgent) 28 days later: readmitted, although E10's own dates are reversed.
  assert.deepEqual([byId.E9!.readmitted_within_30d, byId.E10!.readmit_30d], [1, true]);
  // E9 same-day stay: LOS 0. E10 discharged before admission: LOS NULL, flagged, kept.
  assert.deepEqual(
    [byId.E9!.los_calc, byId.E10!.los_calc, byId.E10!.los_negative, byId.E10!.index_eligible],
    [0, null, true, false],
  );
  assert.deepEqual(
    [byId.E1!.ed_to_admit_minutes, byId.E1!.ed_boarding_minutes, byId.E2!.ed_to_admit_minutes],
    [240, 120, 300],
  );
});

test('gold KPIs by DRG and payer, with the CMS FY2024 weights and unknown DRGs counted', async () => {
  const lake = await goldenLake();
  const kpis = await queryLake(
    lake,
    'SELECT drg_code, encounters, unique_patients, avg_los, eligible_index_stays, readmit_rate_pct, case_mix_index, unknown_drg_encounters FROM gold_healthcare_kpis ORDER BY drg_code',
  );
  assert.deepEqual(kpis, [
    // 291: E2, E3, E6 (P1, P2); LOS 2, 2, 2; eligible E2, readmitted.
    {
      drg_code: '291',
      encounters: 3,
      unique_patients: 2,
      avg_los: 2,
      eligible_index_stays: 1,
      readmit_rate_pct: 100,
      case_mix_index: 1.2839,
      unknown_drg_encounters: 0,
    },
    // 470: E4, E8, E10 (P2, P3, P4); LOS 5, 3, NULL; eligible E4, E8, neither readmitted.
    {
      drg_code: '470',
      encounters: 3,
      unique_patients: 3,
      avg_los: 4,
      eligible_index_stays: 2,
      readmit_rate_pct: 0,
      case_mix_index: 1.8817,
      unknown_drg_encounters: 0,
    },
    // 871: E1, E5, E7; LOS 4, 5, 2; eligible E1 (readmitted), E7.
    {
      drg_code: '871',
      encounters: 3,
      unique_patients: 3,
      avg_los: 3.67,
      eligible_index_stays: 2,
      readmit_rate_pct: 50,
      case_mix_index: 1.9826,
      unknown_drg_encounters: 0,
    },
    // 999 has no weight: no CMI, counted. E9 is readmitted by E10 (Urgent, day 28), whose own dates are bad.
    {
      drg_code: '999',
      encounters: 1,
      unique_patients: 1,
      avg_los: 0,
      eligible_index_stays: 1,
      readmit_rate_pct: 100,
      case_mix_index: null,
      unknown_drg_encounters: 1,
    },
  ]);
  const medicare = await queryLake(
    lake,
    "SELECT encounters, unique_patients, avg_los, readmit_rate_pct, case_mix_index FROM gold_healthcare_kpis_by_payer WHERE payer = 'Medicare'",
  );
  // E1, E2, E3: (1.9826 + 1.2839 + 1.2839) / 3 = 1.5168.
  assert.deepEqual(medicare, [
    { encounters: 3, unique_patients: 1, avg_los: 2.67, readmit_rate_pct: 100, case_mix_index: 1.5168 },
  ]);
});

test('gold daily census is a midnight census across month ends, with occupancy against staffed beds', async () => {
  const lake = await goldenLake();
  const days = await queryLake(
    lake,
    "SELECT census_date, census, admissions, discharges, staffed_beds, occupancy_pct FROM gold_healthcare_daily_census WHERE census_date IN ('2025-01-15', '2025-01-31', '2025-02-01', '2025-02-28', '2025-03-05', '2025-03-07') ORDER BY 1",
  );
  assert.deepEqual(days, [
    {
      census_date: '2025-01-15',
      census: 0,
      admissions: 0,
      discharges: 1,
      staffed_beds: 10,
      occupancy_pct: 0,
    },
    {
      census_date: '2025-01-31',
      census: 2,
      admissions: 1,
      discharges: 0,
      staffed_beds: 10,
      occupancy_pct: 20,
    },
    {
      census_date: '2025-02-01',
      census: 2,
      admissions: 2,
      discharges: 2,
      staffed_beds: 10,
      occupancy_pct: 20,
    },
    {
      census_date: '2025-02-28',
      census: 0,
      admissions: 0,
      discharges: 0,
      staffed_beds: 10,
      occupancy_pct: 0,
    },
    {
      census_date: '2025-03-05',
      census: 1,
      admissions: 1,
      discharges: 0,
      staffed_beds: 10,
      occupancy_pct: 10,
    },
    {
      census_date: '2025-03-07',
      census: 0,
      admissions: 0,
      discharges: 1,
      staffed_beds: 10,
      occupancy_pct: 0,
    },
  ]);
  const first = await queryLake(
    lake,
    'SELECT min(census_date) AS first, max(census_date) AS last, count(*) AS n FROM gold_healthcare_daily_census',
  );
  assert.deepEqual(first, [{ first: '2025-01-10', last: '2025-03-07', n: 57 }]);
});

test('gold ED metrics: exact median and p90 per day and overall, share over 240 minutes', async () => {
  const lake = await goldenLake();
  const overall = await queryLake(lake, 'SELECT * FROM gold_healthcare_ed_metrics WHERE metric_date IS NULL');
  // ED-to-admit 240, 300, 120, 120; boarding 120, 120, 30, 60.
  assert.deepEqual(overall, [
    {
      metric_date: null,
      ed_encounters: 4,
      median_ed_to_admit_min: 180,
      p90_ed_to_admit_min: 282,
      median_boarding_min: 90,
      p90_boarding_min: 120,
      pct_over_240: 25,
    },
  ]);
  const day = await queryLake(
    lake,
    "SELECT ed_encounters, median_ed_to_admit_min, pct_over_240 FROM gold_healthcare_ed_metrics WHERE metric_date = '2025-02-01'",
  );
  assert.deepEqual(day, [{ ed_encounters: 1, median_ed_to_admit_min: 300, pct_over_240: 100 }]);
});

test('gold denials by count and dollars, overall, by payer and by CARC reason (CO-45 is not a denial)', async () => {
  const lake = await goldenLake();
  const rows = await queryLake(
    lake,
    'SELECT * FROM gold_healthcare_denials ORDER BY dimension, dimension_value',
  );
  assert.deepEqual(rows, [
    {
      dimension: 'overall',
      dimension_value: 'all',
      claims: 5,
      denied_claims: 2,
      denial_rate_pct: 40,
      billed_amt: 4500,
      denied_billed_amt: 800,
      denial_rate_dollars_pct: 17.78,
    },
    {
      dimension: 'payer',
      dimension_value: 'Commercial',
      claims: 1,
      denied_claims: 1,
      denial_rate_pct: 100,
      billed_amt: 300,
      denied_billed_amt: 300,
      denial_rate_dollars_pct: 100,
    },
    {
      dimension: 'payer',
      dimension_value: 'Medicaid',
      claims: 1,
      denied_claims: 0,
      denial_rate_pct: 0,
      billed_amt: 700,
      denied_billed_amt: 0,
      denial_rate_dollars_pct: 0,
    },
    {
      dimension: 'payer',
      dimension_value: 'Medicare',
      claims: 3,
      denied_claims: 1,
      denial_rate_pct: 33.33,
      billed_amt: 3500,
      denied_billed_amt: 500,
      denial_rate_dollars_pct: 14.29,
    },
    {
      dimension: 'reason',
      dimension_value: 'CO-16',
      claims: 5,
      denied_claims: 1,
      denial_rate_pct: 20,
      billed_amt: 4500,
      denied_billed_amt: 500,
      denial_rate_dollars_pct: 11.11,
    },
    {
      dimension: 'reason',
      dimension_value: 'CO-50',
      claims: 5,
      denied_claims: 1,
      denial_rate_pct: 20,
      billed_amt: 4500,
      denied_billed_amt: 300,
      denial_rate_dollars_pct: 6.67,
    },
  ]);
});

test('gold staffing ratios are flagged against the per-unit limits of the lake config', async () => {
  const lake = await goldenLake();
  const rows = await queryLake(
    lake,
    'SELECT unit, shift, patients_per_rn, ratio_limit, over_limit FROM gold_healthcare_staffing_ratios ORDER BY unit',
  );
  assert.deepEqual(rows, [
    { unit: 'ICU', shift: 'Day', patients_per_rn: 2.5, ratio_limit: 2, over_limit: true },
    { unit: 'MedSurg', shift: 'Night', patients_per_rn: 5, ratio_limit: 5, over_limit: false },
    { unit: 'Telemetry', shift: 'Evening', patients_per_rn: 4.5, ratio_limit: 4, over_limit: true },
  ]);
});

test('gold readmission risk uses LACE from discharge-time facts only; AUC and calibration by tier', async () => {
  const lake = await goldenLake();
  const risk = await queryLake(
    lake,
    'SELECT encounter_id, lace_score, risk_score, risk_tier FROM gold_healthcare_readmission_risk ORDER BY encounter_id',
  );
  assert.deepEqual(
    risk.map((r) => `${r.encounter_id}:${r.lace_score}:${r.risk_score}:${r.risk_tier}`),
    [
      'E1:11:58:HIGH',
      'E2:10:53:HIGH',
      'E3:5:26:MEDIUM',
      'E4:4:21:LOW',
      'E5:8:42:MEDIUM',
      'E6:6:32:MEDIUM',
      'E7:14:74:HIGH',
      'E8:8:42:MEDIUM',
      'E9:0:0:LOW',
    ],
  );
  const metrics = await queryLake(
    lake,
    'SELECT scope, risk_tier, encounters, readmitted, observed_rate_pct, mean_risk_score, auc FROM gold_healthcare_risk_model_metrics ORDER BY scope, risk_tier',
  );
  // Eligible index stays: readmitted E1 58, E2 53, E9 0; not E4 21, E7 74, E8 42. 4 of 9 pairs ranked right:
  // LACE misses E9 (a young, healthy same-day stay), as a real score would.
  assert.deepEqual(metrics, [
    {
      scope: 'overall',
      risk_tier: null,
      encounters: 6,
      readmitted: 3,
      observed_rate_pct: 50,
      mean_risk_score: 41.33,
      auc: 0.4444,
    },
    {
      scope: 'tier',
      risk_tier: 'HIGH',
      encounters: 3,
      readmitted: 2,
      observed_rate_pct: 66.67,
      mean_risk_score: 61.67,
      auc: null,
    },
    {
      scope: 'tier',
      risk_tier: 'LOW',
      encounters: 2,
      readmitted: 1,
      observed_rate_pct: 50,
      mean_risk_score: 10.5,
      auc: null,
    },
    {
      scope: 'tier',
      risk_tier: 'MEDIUM',
      encounters: 1,
      readmitted: 0,
      observed_rate_pct: 0,
      mean_risk_score: 42,
      auc: null,
    },
  ]);
});
