import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { landingDir } from '../../src/lakehouse/lake-layout.js';
import { openTestEngine } from '../helpers/open-test-engine.js';
import { makePipelineLake, queryLake, runPipeline } from '../helpers/pipeline-lake.js';
import { PROJECT_ROOT } from '../helpers/project-root.js';
import { runCliCaptured } from '../helpers/run-cli.js';

const FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'hospital');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const GOLD = [
  'gold_healthcare_kpis',
  'gold_healthcare_kpis_by_payer',
  'gold_healthcare_daily_census',
  'gold_healthcare_ed_metrics',
  'gold_healthcare_denials',
  'gold_healthcare_staffing_ratios',
  'gold_healthcare_readmission_risk',
  'gold_healthcare_risk_model_metrics',
];
const TYPES: Record<string, Record<string, string>> = {
  admissions: {
    admit_dt: 'TIMESTAMPTZ',
    discharge_dt: 'TIMESTAMPTZ',
    ed_arrival_dt: 'TIMESTAMPTZ',
    ed_decision_dt: 'TIMESTAMPTZ',
    los: 'INTEGER',
    age: 'INTEGER',
    charlson_index: 'INTEGER',
    ed_visits_prior_6m: 'INTEGER',
    readmit_flag: 'BOOLEAN',
  },
  claims: {
    billed_amt: 'DECIMAL(12,2)',
    allowed_amt: 'DECIMAL(12,2)',
    paid_amt: 'DECIMAL(12,2)',
    service_dt: 'DATE',
  },
  staffing: {
    shift_date: 'DATE',
    patient_count: 'INTEGER',
    rn_count: 'INTEGER',
    acuity_score: 'DOUBLE',
    ratio: 'DOUBLE',
  },
};

async function snapshotOf(lake: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const t of GOLD) out[t] = await queryLake(lake, `SELECT * FROM ${t} ORDER BY ALL`);
  // Lineage columns name the landing file, which differs by format.
  out.encounters = await queryLake(
    lake,
    'SELECT * EXCLUDE (_bronze_source_file, _bronze_ingested_at) FROM silver_healthcare_encounters ORDER BY ALL',
  );
  return out;
}

test('re-running on the same landing files changes nothing and commits nothing', async () => {
  const files = ['admissions.csv', 'admissions_2025-03-10.csv', 'claims.csv', 'staffing.csv'];
  const lake = await makePipelineLake(Object.fromEntries(files.map((f) => [f, fixture(f)])));
  await runPipeline(lake, 'hospital');
  const before = await snapshotOf(lake);
  const history = async () =>
    (await runCliCaptured(['table', 'history', 'gold_healthcare_kpis', '--lake', lake, '--json'])).stdout;
  const historyBefore = await history();
  const second = await runPipeline(lake, 'hospital');
  assert.match(second, /admissions\.csv\s+→ bronze_healthcare_admissions\s+already ingested, skipped/);
  assert.match(second, /gold_healthcare_kpis\s+\d+ ms\s+inputs unchanged/);
  assert.deepEqual(await snapshotOf(lake), before);
  assert.equal(await history(), historyBefore);
  assert.deepEqual(await queryLake(lake, 'SELECT count(*) AS n FROM lh_silver.dbo.quarantine'), [{ n: 2 }]);
});

test('CSV and Parquet landing files give identical silver and gold tables', async () => {
  const csvFiles = ['admissions.csv', 'admissions_2025-03-10.csv', 'claims.csv', 'staffing.csv'];
  const csvLake = await makePipelineLake(Object.fromEntries(csvFiles.map((f) => [f, fixture(f)])));
  await runPipeline(csvLake, 'hospital');
  const parquetLake = await makePipelineLake({});
  const engine = await openTestEngine();
  for (const file of csvFiles) {
    const dataset = file.split(/[_.]/)[0]!;
    const types = TYPES[dataset]!;
    // Typed Parquet as a generator would write it; the malformed CSV line cannot exist in Parquet.
    const header = fixture(file).split('\n')[0]!.split(',');
    const select = header
      .map((c) => (types[c] ? `TRY_CAST("${c}" AS ${types[c]}) AS "${c}"` : `"${c}"`))
      .join(', ');
    await engine.db.run(
      `COPY (SELECT ${select} FROM read_csv($1, header = true, all_varchar = true, ignore_errors = true, strict_mode = false)) TO $2 (FORMAT parquet)`,
      [join(FIXTURES, file), join(landingDir(parquetLake), file.replace('.csv', '.parquet'))],
    );
  }
  await runPipeline(parquetLake, 'hospital');
  assert.deepEqual(await snapshotOf(parquetLake), await snapshotOf(csvLake));
});

test('reference load-drg-weights replaces the weights and the next run recomputes the case mix index', async () => {
  const lake = await makePipelineLake({ 'admissions.csv': fixture('admissions.csv') });
  await runPipeline(lake, 'hospital');
  assert.match(await runPipeline(lake, 'hospital'), /inputs unchanged/);
  const csv = join(landingDir(lake), '..', 'table5.csv');
  writeFileSync(
    csv,
    'ms_drg,title,relative_weight,gmlos_days,fiscal_year\n999,UNGROUPABLE,0.5000,1.0,2025\n871,SEPSIS,2.0000,5.0,2025\n',
  );
  const loaded = await runCliCaptured(['reference', 'load-drg-weights', csv, '--lake', lake]);
  assert.equal(loaded.code, 0, loaded.stderr);
  assert.match(loaded.stdout, /Loaded 2 MS-DRG weights/);
  await runPipeline(lake, 'hospital');
  const kpis = await queryLake(
    lake,
    "SELECT drg_code, case_mix_index, unknown_drg_encounters FROM gold_healthcare_kpis WHERE drg_code IN ('871', '999', '291') ORDER BY 1",
  );
  assert.deepEqual(kpis, [
    { drg_code: '291', case_mix_index: null, unknown_drg_encounters: 3 },
    { drg_code: '871', case_mix_index: 2, unknown_drg_encounters: 0 },
    { drg_code: '999', case_mix_index: 0.5, unknown_drg_encounters: 0 },
  ]);
  const missing = await runCliCaptured(['reference', 'load-drg-weights', '/nonexistent.csv', '--lake', lake]);
  assert.equal(missing.code, 2);
});

test('each run stores its expectation results in lh_gold.dbo.dq_expectation_results', async () => {
  const lake = await makePipelineLake({
    'claims.csv': fixture('claims.csv'),
    'admissions.csv': fixture('admissions.csv'),
  });
  await runPipeline(lake, 'hospital');
  await runPipeline(lake, 'hospital');
  const runs = await queryLake(
    lake,
    "SELECT count(DISTINCT run_id) AS runs, bool_and(passed OR level = 'warn') AS ok FROM dq_expectation_results",
  );
  assert.deepEqual(runs, [{ runs: 2, ok: true }]);
  // C2 and C4 are denials with paid 0 ≤ allowed 0 ≤ billed; every claim satisfies the amounts rule.
  const rule = await queryLake(
    lake,
    "SELECT failures FROM dq_expectation_results WHERE rule = 'row' LIMIT 1",
  );
  assert.deepEqual(rule, [{ failures: 0 }]);
});
