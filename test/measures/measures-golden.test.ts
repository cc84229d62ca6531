import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { DuckDbEngine } from '../../src/engine/duckdb/duckdb-engine.js';
import { landingDir } from '../../src/lakehouse/lake-layout.js';
import { type Lake, readLake } from '../../src/lakehouse/read-lake.js';
import { listMeasures } from '../../src/measures/catalog.js';
import { MeasureError } from '../../src/measures/measure-error.js';
import type { MeasureRequest } from '../../src/measures/measure-types.js';
import { readDimensionValues } from '../../src/measures/read-dimension-values.js';
import { readMeasures } from '../../src/measures/read-measures.js';
import { makeMeasureLake } from '../helpers/measure-lake.js';
import { openTestEngine } from '../helpers/open-test-engine.js';
import { makePipelineLake, runPipeline } from '../helpers/pipeline-lake.js';

// Every expected figure is worked out by hand from test/fixtures/hospital and the seed
// sessionization sample (comments say how); none comes from running the measures' SQL elsewhere.
// Silver stays after dedup and quarantine: E1–E10 (E8's later delivery: LOS 3). LOS in days:
// E1 4, E2 2, E3 2, E4 5, E5 5, E6 2, E7 2, E8 3, E9 0, E10 NULL (discharge before admission).
// Eligible index stays: E1, E2, E4, E7, E8, E9 (E3 expired, E5 AMA, E6 transfer, E10 bad dates);
// readmitted: E1, E2, E9. Weights: 291 1.2839, 470 1.8817, 871 1.9826, 999 none.

const engine: DuckDbEngine = await openTestEngine();
const lake: Lake = await readLake(await makeMeasureLake());

async function measure(request: MeasureRequest): Promise<Record<string, unknown>[]> {
  return (await readMeasures(engine, lake, request)).rows;
}

async function one(name: string, extra: Omit<MeasureRequest, 'measures'> = {}): Promise<unknown> {
  const rows = await measure({ measures: [name], ...extra });
  assert.equal(rows.length, 1);
  return rows[0]![name];
}

async function byDim(name: string, dimension: string, grain?: string): Promise<Record<string, unknown>> {
  const rows = await measure({ measures: [name], by: [{ dimension, ...(grain ? { grain } : {}) }] });
  return Object.fromEntries(rows.map((r) => [String(r[dimension]), r[name]]));
}

test('every catalogued measure is covered by this file', () => {
  const covered = [
    'encounters',
    'scored_encounters',
    'readmission_rate',
    'avg_los',
    'case_mix_index',
    'occupancy_pct',
    'ed_volume',
    'median_ed_to_admit_minutes',
    'p90_ed_to_admit_minutes',
    'p90_boarding_minutes',
    'denial_rate',
    'denial_rate_dollars',
    'nurse_ratio_breaches',
    'high_risk_share',
    'sessions',
    'sessions_per_clinician_day',
    'median_session_minutes',
  ];
  assert.deepEqual(
    listMeasures()
      .map((m) => m.name)
      .sort(),
    covered.sort(),
  );
});

test('readmission_rate: CMS index-stay denominator, overall and sliced', async () => {
  assert.equal(await one('readmission_rate'), 50); // 3 readmitted of 6 eligible
  // Commercial: E4 (0) only eligible; Medicaid: E7, E8 (0); Medicare: E1, E2 (both); Self-Pay: E9.
  assert.deepEqual(await byDim('readmission_rate', 'payer'), {
    Commercial: 0,
    Medicaid: 0,
    Medicare: 100,
    'Self-Pay': 100,
  });
  assert.deepEqual(await byDim('readmission_rate', 'drg_code'), {
    '291': 100,
    '470': 0,
    '871': 50,
    '999': 100,
  });
  // By discharge month: January E4 (0 of 1); February E1, E2, E7, E8, E9 (3 of 5).
  assert.deepEqual(await byDim('readmission_rate', 'date', 'month'), { '2025-01-01': 0, '2025-02-01': 60 });
});

test('avg_los over stays with a valid LOS', async () => {
  assert.equal(await one('avg_los'), 2.78); // 25 / 9
  // Commercial (5+5+2)/3, Medicaid (2+3)/2, Medicare (4+2+2)/3, Self-Pay E9 0 (E10 has no LOS).
  assert.deepEqual(await byDim('avg_los', 'payer'), {
    Commercial: 4,
    Medicaid: 2.5,
    Medicare: 2.67,
    'Self-Pay': 0,
  });
  // Medicare and Medicaid: (4+2+2+2+3)/5.
  assert.equal(
    await one('avg_los', { filters: [{ dimension: 'payer', op: 'in', values: ['Medicare', 'Medicaid'] }] }),
    2.6,
  );
});

test('case_mix_index is weights over stays, never an average of per-DRG averages, unknown DRGs left out', async () => {
  // 3 × 1.9826 + 3 × 1.2839 + 3 × 1.8817 = 15.4446 over the 9 stays with a weight (E9's 999 has none).
  assert.equal(await one('case_mix_index'), 1.7161);
  assert.deepEqual(await byDim('case_mix_index', 'payer'), {
    Commercial: 1.7161, // (1.8817 + 1.9826 + 1.2839) / 3
    Medicaid: 1.9322, // (1.9826 + 1.8817) / 2 = 1.93215
    // (1.9826 + 1.2839 + 1.2839) / 3; the average of the two per-DRG averages would be 1.6333.
    Medicare: 1.5168,
    'Self-Pay': 1.8817, // E10 alone; weighting E9's unknown DRG 1.0 would give 1.4409
  });
});

test('occupancy_pct: midnight patient-days over staffed bed-days', async () => {
  // 25 patient-days (the LOS of E1–E9) over 57 days × 10 beds.
  assert.equal(await one('occupancy_pct'), 4.39);
  // January (22 days): E4 5, E1 4, E7 1 = 10; February (28): E7 1, E2 2, E8 3, E5 5, E6 2 = 13; March (7): E3 2.
  assert.deepEqual(await byDim('occupancy_pct', 'date', 'month'), {
    '2025-01-01': 4.55,
    '2025-02-01': 4.64,
    '2025-03-01': 2.86,
  });
  assert.equal(await one('occupancy_pct', { from: '2025-02-01', to: '2025-02-28' }), 4.64);
  // 2025-01-31: E1 and E7 in house at midnight, 2 of 10 beds.
  assert.equal(await one('occupancy_pct', { from: '2025-01-31', to: '2025-01-31' }), 20);
});

test('ED measures: volume, exact median and p90 from encounter rows, per slice', async () => {
  // ED arrivals E1 (240 min to admit, 120 boarding), E2 (300, 120), E5 (120, 30), E7 (120, 60).
  assert.equal(await one('ed_volume'), 4);
  assert.equal(await one('median_ed_to_admit_minutes'), 180); // (120 + 240) / 2
  assert.equal(await one('p90_ed_to_admit_minutes'), 282); // 240 + 0.7 × (300 − 240)
  assert.equal(await one('p90_boarding_minutes'), 120);
  // Medicare: 240, 300 → median 270, p90 240 + 0.9 × 60 = 294 (a daily p90 could not give this).
  const medicare = await measure({
    measures: ['ed_volume', 'median_ed_to_admit_minutes', 'p90_ed_to_admit_minutes'],
    filters: [{ dimension: 'payer', op: 'eq', values: ['Medicare'] }],
  });
  assert.deepEqual(medicare, [
    { ed_volume: 2, median_ed_to_admit_minutes: 270, p90_ed_to_admit_minutes: 294 },
  ]);
  // By arrival week (Monday): 01-28, 01-31, 02-01 in the week of 01-27 (240, 120, 300); 02-15 in 02-10's.
  assert.deepEqual(
    await measure({
      measures: ['ed_volume', 'median_ed_to_admit_minutes'],
      by: [{ dimension: 'date', grain: 'week' }],
    }),
    [
      { date: '2025-01-27', ed_volume: 3, median_ed_to_admit_minutes: 240 },
      { date: '2025-02-10', ed_volume: 1, median_ed_to_admit_minutes: 120 },
    ],
  );
});

test('denial rates by count and by billed dollars (CO-45 is not a denial)', async () => {
  // Silver claims C1 1000, C2 500 CO-16, C3 2000 CO-45, C4 300 CO-50, C6 700: 2 of 5, $800 of $4500.
  assert.deepEqual(await measure({ measures: ['denial_rate', 'denial_rate_dollars'] }), [
    { denial_rate: 40, denial_rate_dollars: 17.78 },
  ]);
  assert.deepEqual(await byDim('denial_rate_dollars', 'payer'), {
    Commercial: 100,
    Medicaid: 0,
    Medicare: 14.29,
  });
  // January service: C1, C2, C4 (2 of 3, $800 of $1800); February: C3, C6 (none).
  assert.deepEqual(await byDim('denial_rate', 'date', 'month'), { '2025-01-01': 66.67, '2025-02-01': 0 });
});

test('nurse ratio breaches and the LACE high-risk share', async () => {
  // ICU 5/2 = 2.5 > 2, Telemetry 9/2 = 4.5 > 4; MedSurg 10/2 = 5 is at its limit.
  assert.equal(await one('nurse_ratio_breaches'), 2);
  assert.deepEqual(await byDim('nurse_ratio_breaches', 'unit'), { ICU: 1, MedSurg: 0, Telemetry: 1 });
  // HIGH (LACE ≥ 10): E1 11, E2 10, E7 14 of the 9 scored stays.
  assert.equal(await one('high_risk_share'), 33.33);
  assert.deepEqual(await byDim('high_risk_share', 'payer'), {
    Commercial: 0,
    Medicaid: 50,
    Medicare: 66.67,
    'Self-Pay': 0,
  });
  assert.deepEqual(await byDim('high_risk_share', 'risk_tier'), { HIGH: 100, LOW: 0, MEDIUM: 0 });
});

test('volumes: discharged stays and scored discharges', async () => {
  // E1–E10 all have a discharge (E10's is before its admission, still a discharge).
  assert.equal(await one('encounters'), 10);
  // Medicare E1–E3, Commercial E4–E6, Medicaid E7–E8, Self-Pay E9–E10.
  assert.deepEqual(await byDim('encounters', 'payer'), {
    Commercial: 3,
    Medicaid: 2,
    Medicare: 3,
    'Self-Pay': 2,
  });
  // 871: E1 E5 E7; 291: E2 E3 E6; 470: E4 E8 E10; 999: E9.
  assert.deepEqual(await byDim('encounters', 'drg_code'), { '291': 3, '470': 3, '871': 3, '999': 1 });
  // Nine scored stays (E10 has no valid LOS); HIGH: E1, E2, E7.
  assert.equal(await one('scored_encounters'), 9);
  assert.deepEqual(await byDim('scored_encounters', 'payer'), {
    Commercial: 3,
    Medicaid: 2,
    Medicare: 3,
    'Self-Pay': 1,
  });
  const tiers = await byDim('scored_encounters', 'risk_tier');
  assert.equal(tiers.HIGH, 3);
  assert.equal(
    Object.values(tiers).reduce((a: number, b) => a + Number(b), 0),
    9,
  );
});

test('session measures from the seed sample’s 8 sessions', async () => {
  // Minutes: Physician 8, 17, 25, 5; Nurse 20, 5; Admin 35, 5; four clinicians, one day.
  assert.equal(await one('sessions'), 8);
  assert.equal(await one('sessions_per_clinician_day'), 2);
  assert.equal(await one('median_session_minutes'), 12.5); // 5 5 5 8 | 17 20 25 35
  assert.deepEqual(
    await measure({
      measures: ['sessions', 'median_session_minutes'],
      by: [{ dimension: 'clinician_role' }],
    }),
    [
      { clinician_role: 'Admin', sessions: 2, median_session_minutes: 20 },
      { clinician_role: 'Nurse', sessions: 2, median_session_minutes: 12.5 },
      { clinician_role: 'Physician', sessions: 4, median_session_minutes: 12.5 },
    ],
  );
});

test('measures of different tables are joined on their dimensions, never multiplied', async () => {
  const rows = await measure({
    measures: ['readmission_rate', 'denial_rate', 'avg_los'],
    by: [{ dimension: 'payer' }],
  });
  assert.deepEqual(rows, [
    { payer: 'Commercial', readmission_rate: 0, denial_rate: 100, avg_los: 4 },
    { payer: 'Medicaid', readmission_rate: 0, denial_rate: 0, avg_los: 2.5 },
    { payer: 'Medicare', readmission_rate: 100, denial_rate: 33.33, avg_los: 2.67 },
    { payer: 'Self-Pay', readmission_rate: 100, denial_rate: null, avg_los: 0 }, // no Self-Pay claims
  ]);
  const result = await readMeasures(engine, lake, {
    measures: ['occupancy_pct', 'sessions', 'case_mix_index'],
  });
  assert.deepEqual(result.rows, [{ occupancy_pct: 4.39, sessions: 8, case_mix_index: 1.7161 }]);
  assert.deepEqual(
    result.versions.map((v) => v.table),
    [
      'lh_gold.dbo.clinician_emr_sessions',
      'lh_gold.dbo.gold_healthcare_daily_census',
      'lh_silver.dbo.ref_ms_drg_weights',
      'lh_silver.dbo.silver_healthcare_encounters',
    ],
  );
  assert.ok(result.versions.every((v) => v.version === 0));
});

test('dimension values for slicers, across every table that has the dimension', async () => {
  assert.deepEqual(await readDimensionValues(engine, lake, 'payer'), [
    'Commercial',
    'Medicaid',
    'Medicare',
    'Self-Pay',
  ]);
  assert.deepEqual(await readDimensionValues(engine, lake, 'risk_tier'), ['HIGH', 'LOW', 'MEDIUM']);
  assert.deepEqual(await readDimensionValues(engine, lake, 'clinician_role'), [
    'Admin',
    'Nurse',
    'Physician',
  ]);
  await assert.rejects(readDimensionValues(engine, lake, 'date'), (e: unknown) => {
    return e instanceof MeasureError && e.problem === 'unknown-dimension' && /payer/.test(e.message);
  });
});

test('asOf reads the versions asked for, and reports them', async () => {
  const dir = await makeMeasureLake();
  // A later claims delivery: C8 for E8, $500, denied CO-16 → 3 of 6 claims, $1300 of $5000.
  writeFileSync(
    join(landingDir(dir), 'claims_2025-03-11.csv'),
    'claim_id,encounter_id,payer,cpt_code,icd10_code,billed_amt,allowed_amt,paid_amt,denial_reason_code,service_dt\n' +
      'C8,E8,Medicaid,99223,A41.9,500.00,0.00,0.00,CO-16,2025-02-11\n',
  );
  await runPipeline(dir, 'hospital');
  const later = await readLake(dir);
  const now = await readMeasures(engine, later, { measures: ['denial_rate', 'denial_rate_dollars'] });
  assert.deepEqual(now.rows, [{ denial_rate: 50, denial_rate_dollars: 26 }]);
  assert.deepEqual(now.versions, [{ table: 'lh_silver.dbo.silver_healthcare_claims', version: 1 }]);
  const before = await readMeasures(engine, later, { measures: ['denial_rate'] }, { asOf: { version: 0 } });
  assert.deepEqual(before.rows, [{ denial_rate: 40 }]);
  assert.deepEqual(before.versions, [{ table: 'lh_silver.dbo.silver_healthcare_claims', version: 0 }]);
});

test('a table the lake does not have yet is a usage error that says which run makes it', async () => {
  const empty = await readLake(await makePipelineLake({}));
  await assert.rejects(readMeasures(engine, empty, { measures: ['sessions'] }), (e: unknown) => {
    return (
      e instanceof MeasureError &&
      e.exitCode === 2 &&
      e.problem === 'missing-table' &&
      /lh_gold\.dbo\.clinician_emr_sessions/.test(e.message) &&
      /carelake run all/.test(e.message)
    );
  });
});
