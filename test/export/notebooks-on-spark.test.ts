import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { configPath, landingDir } from '../../src/lakehouse/lake-layout.js';
import { PIPELINE_TABLES } from '../../src/pipeline/run-pipeline.js';
import { runPython } from '../delta/support/run-python.js';
import { makeGeneratedLake } from '../helpers/generated-lake.js';
import { openTestEngine } from '../helpers/open-test-engine.js';
import { makePipelineLake, queryLake, runPipeline, SEED_FIXTURES } from '../helpers/pipeline-lake.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { compareLakeTable, type TableComparison } from './support/compare-lake-tables.js';
import { typedRawNormalized } from './support/typed-raw.js';

// The exported Fabric notebooks, run on local PySpark with delta-spark (test/interop/
// run_notebooks.py: the runner notebook runs bronze, silver and gold through
// notebookutils.notebook.run), build the same tables from the same landing files as
// `carelake run all` on DuckDB. The notebooks write Delta folders in a second lake (parameter
// lake_root: the OneLake layout), with the batch id and time of the DuckDB run (parameters
// batch_id, ingested_at), so every column can compare. carelake's own reader reads both lakes:
// same schema, same partitions, same rows, same quarantine counts per reason.

// A generated tiny hospital (Parquet feeds, 5 % dirty rows), plus a second delivery of EMR
// events and admissions as CSV with what the generator does not make: quoted newlines, the
// seed's unquoted JSON, wrong field counts, PHI-like values, re-deliveries and duplicates across
// files, and local times at both DST edges of America/New_York, the lake's source time zone.
// Sessions are capped at 45 minutes (the Spark fold of _session_events_capped).
const lake = await makeGeneratedLake();
writeFileSync(
  configPath(lake),
  JSON.stringify({
    ...JSON.parse(readFileSync(configPath(lake), 'utf8')),
    sourceTimeZone: 'America/New_York',
    maxSessionMinutes: 45,
  }),
);
writeFileSync(
  join(landingDir(lake), 'emr_events_2.csv'),
  [
    'event_id,clinician_id,event_timestamp,event_type,patient_id,metadata',
    'EVT0000000001,1005,2025-03-31 06:03:08,LOGIN,,"{""ip_address"": ""10.21.0.4""}"',
    'EVT9000000001,1001,2025-03-31 23:59:59.5,VIEW_CHART,P1,{"chart_id": "C1"}',
    'EVT9000000002,1001,2025-04-01T04:10:00Z,VIEW_CHART,P1,',
    'EVT9000000003,9999,2025-04-01 04:12:00,VIEW_CHART,P2,',
    'EVT9000000004,abc,2025-04-01 04:12:00,VIEW_CHART,P2,',
    'EVT9000000005,1001,not a time,VIEW_CHART,P2,',
    ',1001,2025-04-01 04:13:00,VIEW_CHART,P2,',
    'EVT9000000006,1001,2025-04-01 04:14:00,VIEW_CHART,123-45-6789,',
    'EVT9000000007,1001,2025-04-01 04:15:00,VIEW_CHART',
    'EVT9000000008,1002," 2025-04-01 05:00:00 ",NOTE,"P3","multi\nline, note"',
    'EVT9000000009,1002,2025-11-02 01:30:00,NOTE,P3,',
    'EVT9000000010,1002,2025-03-09 02:30:00,NOTE,P3,',
    'EVT9000000010,1002,2025-03-09 02:31:00,NOTE,P3,',
    '',
  ].join('\r\n'),
);
writeFileSync(
  join(landingDir(lake), 'admissions_2.csv'),
  [
    'encounter_id,mrn_hash,ssn_masked,admit_dt,discharge_dt,los,drg_code,payer,readmit_flag,ed_arrival_dt,disposition,age,gender,admit_type,ed_decision_dt,unit,charlson_index,ed_visits_prior_6m',
    `ENC0000000001,${'3b1ae498a5b212d1b673ee9c522052134490f31bc100041461ecaaaf805bb942'},XXX-XX-8463,2025-03-25 00:22:28,2025-03-29 08:35:20,4,189,Medicaid,false,2025-03-24 20:20:33,Home,64,F,Emergency,2025-03-24 22:48:07,Oncology,0,1`,
    `ENC9000000001,MRN12345,XXX-XX-0001,2025-03-26 10:00:00,,,470,Medicare,,,,70,M,Elective,,MedSurg,1,0`,
    `ENC9000000002,${'ab'.repeat(32)},XXX-XX-0002,2025-03-26 10:00:00,2025-03-27 10:00:00,1.5,470,Medicare,no,,Home,70,M,Elective,,MedSurg,1,0`,
    `ENC9000000003,${'cd'.repeat(32)},,2025-11-02 01:30:00,2025-11-03 09:00:00,1,470,Self-Pay,n,2025-11-01 23:00:00,Home,33,F,Emergency,2025-11-02 00:45:00,ED,0,2`,
    '',
  ].join('\n'),
);
await runPipeline(lake, 'all');
// The seed notebook's sample (clinicians and events only, UTC, no cap) through the Databricks
// export: dbutils.notebook.run and widgets, and the hospital tables built empty from no landing
// file at all.
const seedLake = await makePipelineLake({
  'clinicians.csv': readFileSync(join(SEED_FIXTURES, 'clinicians.csv'), 'utf8'),
  'emr_events.csv': readFileSync(join(SEED_FIXTURES, 'emr_events.csv'), 'utf8'),
});
await runPipeline(seedLake, 'all');

/** A lake for the notebooks to build: the landing files of `from`, nothing else. */
async function landingCopy(from: string): Promise<string> {
  const to = join(tempDir('notebook-lake-'), 'lake');
  assert.equal((await runCliCaptured(['init', '--lake', to])).code, 0);
  cpSync(landingDir(from), landingDir(to), { recursive: true });
  return to;
}

/** Exports the notebooks of `from` for `target`, and the parameters that run them on `to` as `from` ran. */
async function exportRun(target: string, from: string, to: string): Promise<Record<string, unknown>> {
  const dir = tempDir(`notebooks-${target}-`);
  const exported = await runCliCaptured([
    'export',
    'notebooks',
    '--target',
    target,
    '--out',
    dir,
    '--lake',
    from,
  ]);
  assert.equal(exported.code, 0, exported.stderr);
  const [run] = await queryLake(
    from,
    "SELECT DISTINCT _bronze_batch_id AS batch_id, strftime(_bronze_ingested_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS at FROM lh_bronze.dbo.bronze_emr_events",
  );
  return {
    dir,
    notebook: 'carelake_run_all',
    parameters: {
      lake_root: to,
      landing_path: landingDir(to),
      batch_id: run!.batch_id,
      ingested_at: run!.at,
      continue_on_error: true,
    },
  };
}

const sparkLake = await landingCopy(lake);
const seedSparkLake = await landingCopy(seedLake);
const result = await runPython<{ ok: boolean; failed: { model: string; error: string }[] }>(
  'run_notebooks.py',
  [
    JSON.stringify({
      runs: [
        await exportRun('fabric', lake, sparkLake),
        await exportRun('databricks', seedLake, seedSparkLake),
      ],
    }),
  ],
  420_000,
);
const engine = await openTestEngine();

test('the exported Fabric and Databricks notebooks run every model on local Spark', () => {
  assert.ok(result.ok);
  assert.deepEqual(result.failed, [], 'no model failed (continue_on_error reports each failure)');
});

test('every table the notebooks build equals the DuckDB engine’s: schema, partitions, rows', async () => {
  const comparisons: TableComparison[] = [];
  for (const [lakehouse, name] of PIPELINE_TABLES)
    comparisons.push(await compareLakeTable(engine, lake, sparkLake, lakehouse, name));
  assert.deepEqual(
    comparisons.filter((c) => c.differences.length > 0).map((c) => `${c.table}: ${c.differences.join('; ')}`),
    [],
  );
  assert.equal(comparisons.length, 22);
});

test('the expectations: the same results in lh_gold.dbo.dq_expectation_results, for the same run', async () => {
  for (const [from, to] of [
    [lake, sparkLake],
    [seedLake, seedSparkLake],
  ] as const) {
    const c = await compareLakeTable(engine, from, to, 'lh_gold', 'dq_expectation_results');
    assert.deepEqual(c.differences, []);
  }
  const breached = await queryLake(
    sparkLake,
    'SELECT table_name, column_name, rule, failures FROM lh_gold.dbo.dq_expectation_results WHERE NOT passed ORDER BY ALL',
  );
  assert.ok(breached.length > 0, 'the dirty lake breaches some warn-level rules');
});

test('Databricks notebooks over the seed sample: every table and quarantine equals the DuckDB engine’s', async () => {
  const differences: string[] = [];
  for (const [lakehouse, name] of [
    ...PIPELINE_TABLES,
    ['lh_bronze', 'quarantine'],
    ['lh_silver', 'quarantine'],
  ]) {
    const c = await compareLakeTable(engine, seedLake, seedSparkLake, lakehouse!, name!);
    if (c.differences.length > 0) differences.push(`${c.table}: ${c.differences.join('; ')}`);
  }
  // With no ED encounter at all, gold_healthcare_ed_metrics still has its overall row on both
  // engines (a global aggregate: Spark's grouping set () gave none, DuckDB's one).
  assert.deepEqual(differences, []);
  const [ed] = await queryLake(
    seedSparkLake,
    'SELECT count(*) AS n FROM lh_gold.dbo.gold_healthcare_ed_metrics',
  );
  assert.equal(Number(ed!.n), 1);
  const [sessions] = await queryLake(
    seedSparkLake,
    'SELECT count(*) AS n FROM lh_gold.dbo.clinician_emr_sessions',
  );
  assert.ok(Number(sessions!.n) > 0);
});

test('quarantine: the same refused rows with the same reason codes in both layers', async () => {
  const silver = await compareLakeTable(engine, lake, sparkLake, 'lh_silver', 'quarantine');
  assert.deepEqual(silver.differences, [], 'silver quarantine: every row, _raw included');
  assert.deepEqual(silver.reasons!.spark, {
    'emr_events duplicate': 2,
    'emr_events unknown_clinician': 1,
    'silver_healthcare_claims superseded': 7,
    'silver_healthcare_claims unknown_encounter': 3,
    'silver_healthcare_encounters superseded': 9,
    'silver_healthcare_staffing superseded': 3,
  });
  const bronze = await compareLakeTable(engine, lake, sparkLake, 'lh_bronze', 'quarantine');
  assert.deepEqual(
    bronze.reasons!.spark,
    bronze.reasons!.duckdb,
    'bronze quarantine: rows per table and reason',
  );
  assert.equal(bronze.reasons!.spark['bronze_emr_events malformed_row'], 1);
  assert.equal(bronze.reasons!.spark['bronze_healthcare_admissions invalid_mrn_hash'], 1);
  // The one documented difference (docs/notebooks.md): a bronze model's _raw of a row from a
  // Parquet file shows a typed value (integer, decimal, boolean) as a JSON number or boolean on
  // DuckDB and as text on Spark, whose model helpers take text. Rows from CSV files, and every
  // other column, are equal as they are.
  const differing = [...bronze.onlyDuckDb, ...bronze.onlySpark].map(
    (r) => JSON.parse(r) as Record<string, string>,
  );
  assert.ok(differing.length > 0);
  for (const row of differing)
    assert.match(row._source_file!, /\.parquet$/, `${row._source_file}: only typed Parquet rows differ`);
  const normalized = await compareLakeTable(
    engine,
    lake,
    sparkLake,
    'lh_bronze',
    'quarantine',
    typedRawNormalized,
  );
  assert.deepEqual(normalized.differences, [], 'bronze quarantine, typed Parquet values in _raw as text');
});
