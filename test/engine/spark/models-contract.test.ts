import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Json } from '@duckdb/node-api';
import type { DeltaType } from '../../../src/delta/schema.js';
import { duckdbToDeltaType } from '../../../src/engine/duckdb/duckdb-to-delta-type.js';
import { registerLakeViews } from '../../../src/engine/duckdb/register-lake-views.js';
import { registerSnapshotView } from '../../../src/engine/duckdb/register-snapshot-view.js';
import { quoteIdentifier } from '../../../src/engine/quote-identifier.js';
import { sparkSessionSettings } from '../../../src/engine/spark/dialect/spark-session-settings.js';
import { toSparkSql } from '../../../src/engine/spark/dialect/to-spark-sql.js';
import { tokenizeSql } from '../../../src/engine/spark/dialect/tokenize-sql.js';
import { quoteSparkIdentifier } from '../../../src/engine/spark/quote-spark-identifier.js';
import { configPath, landingDir, tableDir } from '../../../src/lakehouse/lake-layout.js';
import { readLake } from '../../../src/lakehouse/read-lake.js';
import { DEFAULT_DRG_WEIGHTS } from '../../../src/pipeline/hospital/run-hospital-pipeline.js';
import { readLandingFiles } from '../../../src/pipeline/landing/read-landing-files.js';
import { stageLandingFile } from '../../../src/pipeline/landing/stage-landing-file.js';
import { readMacros, readModelMeta, readModelSql } from '../../../src/pipeline/read-model.js';
import { CLINICIAN_BUCKETS } from '../../../src/pipeline/sessions/clinician-buckets.js';
import { openTestEngine } from '../../helpers/open-test-engine.js';
import { makePipelineLake, runPipeline, SEED_FIXTURES } from '../../helpers/pipeline-lake.js';
import { PROJECT_ROOT } from '../../helpers/project-root.js';
import { runCliCaptured } from '../../helpers/run-cli.js';
import { openSparkClient } from '../../helpers/spark-client.js';
import { tempDir } from '../../helpers/temp-dir.js';

// The contract between the engines for every model under models/: each model runs on DuckDB
// (the files as they are) and on Spark 4.0 (toSparkSql of the same file, or its .spark.sql
// version, with the Spark macros) over the same inputs — lake tables at the same Delta
// snapshot (Spark reads delta.`path` VERSION AS OF the version DuckDB registered), and the
// temporary relations the pipeline builds (the staged landing rows, `superseded`, …) computed once
// by DuckDB and handed to Spark as Parquet — and both must give the same rows (accepted and
// refused, `_reject_reason`, `_reject_detail` and `_raw` included, compared as text) and the same
// column types (as Delta stores them). The lake is generated with dirty rows, in a source time
// zone with daylight saving, as CSV (the Spark engine stages landing columns as text).
const spark = openSparkClient();
const engine = await openTestEngine();
const scratch = tempDir('models-contract-');
let shared = 0;
const HOSPITAL_FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'hospital');

await registerLakeViews(engine, [], {});
for (const sql of readMacros()) await engine.db.run(sql);
await spark.setConfig(sparkSessionSettings());
for (const sql of readMacros('spark')) await spark.command(sql);

/** The Spark temporary view toSparkSql names for `lh_x.dbo.t`. */
const sparkView = (lakehouse: string, schema: string, name: string) => `${lakehouse}__${schema}__${name}`;
const toSpark = (sql: string) => toSparkSql(sql, { table: sparkView, csv: (p) => `${p}_csv` });

type Params = Record<string, string | number | null | readonly number[]>;

/** A lake table at its latest version, as `lh_x.dbo.t` on DuckDB and its view on Spark (or `alias` on both). */
async function exposeTable(lake: string, lakehouse: string, name: string, alias?: string): Promise<number> {
  const dir = tableDir(lake, lakehouse, name);
  const snapshot = await engine.table(dir, `${lakehouse}.dbo.${name}`).readSnapshot();
  await registerSnapshotView(
    engine.db,
    alias === undefined
      ? { catalog: lakehouse, schema: 'dbo', name }
      : { catalog: 'temp', schema: 'main', name: alias },
    snapshot,
  );
  await spark.command(
    `CREATE OR REPLACE TEMPORARY VIEW ${quoteSparkIdentifier(alias ?? sparkView(lakehouse, 'dbo', name))} AS
     SELECT * FROM delta.${quoteSparkIdentifier(dir)} VERSION AS OF ${snapshot.version}`,
  );
  return snapshot.version;
}

/** A DuckDB relation handed to Spark under the same name: written once as Parquet, read by both. */
async function share(name: string, duckSql: string, params: Params = {}): Promise<void> {
  await engine.db.run(
    `CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(`${name}_rows`)} AS ${duckSql}`,
    params,
  );
  const file = join(scratch, `${name}-${++shared}.parquet`);
  assert.doesNotMatch(file, /'/);
  await engine.db.run(`COPY ${quoteIdentifier(`${name}_rows`)} TO '${file}' (FORMAT parquet)`);
  await engine.db.run(
    `CREATE OR REPLACE TEMP VIEW ${quoteIdentifier(name)} AS SELECT * FROM ${quoteIdentifier(`${name}_rows`)}`,
  );
  await spark.command(
    `CREATE OR REPLACE TEMPORARY VIEW ${quoteSparkIdentifier(name)} AS SELECT * FROM parquet.${quoteSparkIdentifier(file)}`,
  );
}

/** Spark's name (DESCRIBE) of a Delta type. */
function sparkTypeName(type: DeltaType | null): string {
  if (type === null) return 'void';
  if (typeof type === 'string')
    return (
      ({ long: 'bigint', integer: 'int', short: 'smallint', byte: 'tinyint' } as Record<string, string>)[
        type
      ] ?? type
    );
  if (type.type === 'array') return `array<${sparkTypeName(type.elementType)}>`;
  if (type.type === 'struct')
    return `struct<${type.fields.map((f) => `${f.name}:${sparkTypeName(f.type)}`).join(',')}>`;
  return JSON.stringify(type);
}

/** Rows as sorted text, so that the row order of the engines does not matter. */
function canonical(rows: readonly Record<string, Json>[]): string[] {
  return rows.map((r) => JSON.stringify(r)).sort();
}

/** The rows only one side has (a multiset difference), first few of each. */
function difference(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const r of b) left.set(r, (left.get(r) ?? 0) + 1);
  const out: string[] = [];
  for (const r of a) {
    const n = left.get(r) ?? 0;
    if (n > 0) left.set(r, n - 1);
    else out.push(r);
  }
  return out;
}

/**
 * Runs a model on both engines and asserts the same column names, types and rows; returns the
 * DuckDB rows. `sparkSql` defaults to toSparkSql of the DuckDB SQL.
 */
async function assertSameModel(
  label: string,
  duckSql: string,
  params: Params = {},
  sparkSql: string = toSpark(duckSql),
  normalize: (row: Record<string, Json>) => Record<string, Json> = (row) => row,
): Promise<Record<string, Json>[]> {
  const result = await engine.db.stream(`SELECT * FROM (${duckSql}) AS model`, params);
  const duckTypes = result
    .columnNames()
    .map((name, i) => [name, sparkTypeName(duckdbToDeltaType(result.columnTypes()[i]!))]);
  const duckRows = await engine.db.readRows(`SELECT * FROM (${duckSql}) AS model`, params);
  const sparkParams = Object.fromEntries(
    Object.entries(params).filter(([k]) => new RegExp(`:${k}\\b`).test(sparkSql)),
  ) as Params;
  const described = await spark.sql(`DESCRIBE QUERY ${sparkSql}`, sparkParams);
  assert.deepEqual(
    described.map((r) => [r.col_name, r.data_type]),
    duckTypes,
    `${label}: the column names and types differ`,
  );
  const sparkRows = await spark.sql(sparkSql, sparkParams);
  const [d, s] = [canonical(duckRows.map(normalize)), canonical(sparkRows.map(normalize))];
  const onlyDuck = difference(d, s);
  const onlySpark = difference(s, d);
  assert.ok(
    onlyDuck.length === 0 && onlySpark.length === 0,
    `${label}: ${onlyDuck.length} row(s) only on DuckDB, ${onlySpark.length} only on Spark (of ${d.length} / ${s.length})\n` +
      `DuckDB: ${onlyDuck.slice(0, 3).join('\n        ')}\nSpark:  ${onlySpark.slice(0, 3).join('\n        ')}`,
  );
  lastSparkRows = sparkRows;
  return duckRows;
}

/** The Spark rows of the last assertSameModel, for the few explicit checks of Spark's own output. */
let lastSparkRows: Record<string, Json>[] = [];

/** The pipeline's `superseded` for a bronze table (build-model-table.ts): earlier deliveries of a repeated key. */
function supersededSql(bronzeTable: string, key: string): string {
  return `SELECT * FROM (
      SELECT *, row_number() OVER (PARTITION BY ${quoteIdentifier(key)}
        ORDER BY _bronze_ingested_at DESC, _bronze_source_file DESC, _bronze_row DESC) AS recency
      FROM lh_bronze.dbo.${quoteIdentifier(bronzeTable)}
    ) WHERE recency > 1`;
}

const refused = (rows: readonly Record<string, Json>[]) => rows.filter((r) => r._reject_reason !== null);

/** Runs every bronze model over every landing file of a lake, staged as the pipeline stages it. */
async function assertBronzeModels(lake: string, zone: string): Promise<Map<string, Record<string, Json>[]>> {
  const out = new Map<string, Record<string, Json>[]>();
  sparkBronze.clear();
  for (const model of [
    'bronze_clinician_roles',
    'bronze_clinicians',
    'bronze_emr_events',
    'bronze_healthcare_admissions',
    'bronze_healthcare_claims',
    'bronze_healthcare_staffing',
  ]) {
    const meta = readModelMeta('bronze', model);
    const sql = readModelSql('bronze', model);
    for (const file of await readLandingFiles(landingDir(lake), meta.landing!.prefix)) {
      await stageLandingFile(engine.db, file, meta.landing!.columns, meta.typedColumns ?? {});
      await share('staged', 'SELECT * FROM staged');
      const rows = await assertSameModel(`${model} ← ${file.name}`, sql, { source_time_zone: zone });
      out.set(model, [...(out.get(model) ?? []), ...rows]);
      sparkBronze.set(model, [...(sparkBronze.get(model) ?? []), ...lastSparkRows]);
    }
  }
  return out;
}

/** The Spark rows of the last assertBronzeModels, by model. */
const sparkBronze = new Map<string, Record<string, Json>[]>();

// One lake for every model: 2,000 generated admissions, 5,000 claims, 20,000 events of 40
// clinicians, 5 % of rows dirty (duplicates, unparseable values, PHI-like text, re-deliveries),
// plus the golden fixtures; sourceTimeZone America/New_York.
const lake = join(tempDir('models-contract-lake-'), 'lake');
assert.equal((await runCliCaptured(['init', '--lake', lake])).code, 0);
writeFileSync(
  configPath(lake),
  JSON.stringify({
    ...JSON.parse(readFileSync(configPath(lake), 'utf8')),
    sourceTimeZone: 'America/New_York',
  }),
);
{
  const g = await runCliCaptured(
    [
      'generate',
      '--lake',
      lake,
      '--scale',
      'tiny',
      '--seed',
      '5',
      '--format',
      'csv',
      '--dirty',
      '0.05',
      '--admissions',
      '2000',
      '--claims',
      '5000',
      '--clinicians',
      '40',
      '--events',
      '20k',
    ],
    { CARELAKE_HASH_SALT: 'a7'.repeat(32) },
  );
  assert.equal(g.code, 0, g.stderr);
}
// The golden fixtures (hand-made hospital files, the seed notebook's clinicians and events) land
// beside the generated files, as later deliveries of the same datasets.
for (const [from, name] of [
  [join(HOSPITAL_FIXTURES, 'admissions.csv'), 'admissions_fixture.csv'],
  [join(HOSPITAL_FIXTURES, 'admissions_2025-03-10.csv'), 'admissions_fixture_2025-03-10.csv'],
  [join(HOSPITAL_FIXTURES, 'claims.csv'), 'claims_fixture.csv'],
  [join(HOSPITAL_FIXTURES, 'staffing.csv'), 'staffing_fixture.csv'],
  [join(SEED_FIXTURES, 'clinicians.csv'), 'clinicians_fixture.csv'],
  [join(SEED_FIXTURES, 'emr_events.csv'), 'emr_events_fixture.csv'],
] as const)
  writeFileSync(join(landingDir(lake), name), readFileSync(from, 'utf8'));
await runPipeline(lake, 'all');
const config = (await readLake(lake)).config;
const ZONE = config.sourceTimeZone;

test('bronze: every model gives the same rows on Spark, refused ones included, from the same staged landing rows', async () => {
  const rows = await assertBronzeModels(lake, ZONE);
  for (const [model, all] of rows) {
    assert.ok(all.length > 0, `${model}: no rows`);
    if (model.includes('healthcare') || model === 'bronze_emr_events')
      assert.ok(refused(all).length > 0, `${model}: the dirty feed refused no row`);
  }
});

test('silver: every model gives the same rows on Spark over the same snapshots', async () => {
  await exposeTable(lake, 'lh_bronze', 'bronze_clinicians');
  await exposeTable(lake, 'lh_bronze', 'bronze_clinician_roles');
  assert.ok((await assertSameModel('clinician_dim', readModelSql('silver', 'clinician_dim'))).length >= 40);

  // emr_events as a first build sees it, except that a quarter of the ids count as loaded by an
  // earlier run, so that the repeats model's `loaded_before` branch runs too.
  await exposeTable(lake, 'lh_bronze', 'bronze_emr_events', 'new_bronze_events');
  await share('prior_event_ids', 'SELECT event_id FROM new_bronze_events WHERE _bronze_row % 4 = 0');
  const repeats = await assertSameModel('_emr_event_repeats', readModelSql('silver', '_emr_event_repeats'));
  assert.ok(repeats.some((r) => r.loaded_before === true) && repeats.some((r) => r.loaded_before === false));
  await share('emr_event_repeats', readModelSql('silver', '_emr_event_repeats'));
  await exposeTable(lake, 'lh_silver', 'clinician_dim');
  const events = await assertSameModel('emr_events', readModelSql('silver', 'emr_events'), {
    bucket_count: CLINICIAN_BUCKETS,
  });
  assert.deepEqual([...new Set(refused(events).map((r) => r._reject_reason))].sort(), [
    'duplicate',
    'unknown_clinician',
  ]);

  await spark.command(
    `CREATE OR REPLACE TEMPORARY VIEW path_csv USING csv OPTIONS (path ${sparkStringLiteral(DEFAULT_DRG_WEIGHTS)}, header 'true', escape '"')`,
  );
  assert.ok(
    (
      await assertSameModel('ref_ms_drg_weights', readModelSql('silver', 'ref_ms_drg_weights'), {
        path: DEFAULT_DRG_WEIGHTS,
      })
    ).length > 10,
  );

  await exposeTable(lake, 'lh_bronze', 'bronze_healthcare_admissions');
  await share('superseded', supersededSql('bronze_healthcare_admissions', 'encounter_id'));
  const encounters = await assertSameModel(
    'silver_healthcare_encounters',
    readModelSql('silver', 'silver_healthcare_encounters'),
    { source_time_zone: ZONE },
  );
  assert.ok(
    encounters.some((r) => r.readmit_30d === true) && encounters.some((r) => r.ed_boarding_minutes !== null),
  );

  await exposeTable(lake, 'lh_bronze', 'bronze_healthcare_claims');
  await exposeTable(lake, 'lh_silver', 'silver_healthcare_encounters');
  await share('superseded', supersededSql('bronze_healthcare_claims', 'claim_id'));
  const claims = await assertSameModel(
    'silver_healthcare_claims',
    readModelSql('silver', 'silver_healthcare_claims'),
  );
  assert.ok(refused(claims).length > 0, 'no claim of an unknown encounter: _raw is not compared');

  await exposeTable(lake, 'lh_bronze', 'bronze_healthcare_staffing');
  await share('superseded', supersededSql('bronze_healthcare_staffing', 'staffing_id'));
  await assertSameModel('silver_healthcare_staffing', readModelSql('silver', 'silver_healthcare_staffing'));
});

test('gold: every hospital model gives the same rows and types on Spark', async () => {
  await exposeTable(lake, 'lh_silver', 'silver_healthcare_encounters');
  await exposeTable(lake, 'lh_silver', 'ref_ms_drg_weights');
  await exposeTable(lake, 'lh_silver', 'silver_healthcare_claims');
  await exposeTable(lake, 'lh_silver', 'silver_healthcare_staffing');
  await exposeTable(lake, 'lh_gold', 'gold_healthcare_readmission_risk');
  const params: Record<string, Params> = {
    gold_healthcare_daily_census: { staffed_beds: config.staffedBeds },
    gold_healthcare_ed_metrics: { source_time_zone: ZONE },
    gold_healthcare_staffing_ratios: { ratio_limits: JSON.stringify(config.ratioLimits) },
  };
  for (const model of [
    'gold_healthcare_kpis',
    'gold_healthcare_kpis_by_payer',
    'gold_healthcare_daily_census',
    'gold_healthcare_ed_metrics',
    'gold_healthcare_denials',
    'gold_healthcare_staffing_ratios',
    'gold_healthcare_readmission_risk',
    'gold_healthcare_risk_model_metrics',
  ]) {
    const rows = await assertSameModel(model, readModelSql('gold', model), params[model] ?? {});
    assert.ok(rows.length > 0, `${model}: no rows`);
  }
});

test('gold: sessions (both Spark versions, with and without maxSessionMinutes) and their summary', async () => {
  await exposeTable(lake, 'lh_silver', 'emr_events');
  await exposeTable(lake, 'lh_silver', 'clinician_dim');
  await exposeTable(lake, 'lh_silver', 'emr_events', 'emr_events');
  await exposeTable(lake, 'lh_silver', 'clinician_dim', 'clinician_dim');
  const buckets = Array.from({ length: CLINICIAN_BUCKETS }, (_, i) => i);
  const model = readModelSql('gold', 'clinician_emr_sessions');
  await engine.db.run(readModelSql('gold', '_session_numbered'));
  await spark.command(toSpark(readModelSql('gold', '_session_numbered')));

  await engine.db.run(readModelSql('gold', '_session_events'));
  await spark.command(toSpark(readModelSql('gold', '_session_events')));
  const uncapped = { buckets, source_time_zone: ZONE, max_session_us: null };
  const sessions = await assertSameModel('clinician_emr_sessions', model, uncapped);
  assert.ok(sessions.length > 500, `${sessions.length} sessions`);
  await assertSameModel(
    'clinician_emr_sessions.spark.sql',
    model,
    uncapped,
    toSpark(readModelSql('gold', 'clinician_emr_sessions', 'spark')),
  );

  // 15 minutes cuts many of the generated sessions, often more than once.
  await engine.db.run(readModelSql('gold', '_session_events_capped'));
  await spark.command(readModelSql('gold', '_session_events_capped', 'spark'));
  const capped = await assertSameModel('clinician_emr_sessions (maxSessionMinutes 15)', model, {
    ...uncapped,
    max_session_us: 15 * 60_000_000,
  });
  assert.ok(capped.filter((r) => r.split_cause === 'max_duration').length > 50);
  assert.ok(capped.length > sessions.length);
  assert.ok(capped.every((r) => Number(r.session_duration_seconds) <= 15 * 60));
  // Every clinician keeps its own sessions (a per-clinician renumbering once merged two
  // clinicians' sessions that shared a number).
  assert.equal(new Set(capped.map((r) => r.session_id)).size, capped.length);
  assert.deepEqual(
    [...new Set(capped.map((r) => r.clinician_id))].sort(),
    [...new Set(sessions.map((r) => r.clinician_id))].sort(),
  );

  await exposeTable(lake, 'lh_gold', 'clinician_emr_sessions');
  await assertSameModel(
    'gold_clinician_session_summary',
    readModelSql('gold', 'gold_clinician_session_summary'),
  );
});

/** A Spark string literal for a path in an OPTIONS clause (which takes no parameter). */
function sparkStringLiteral(text: string): string {
  assert.doesNotMatch(text, /['\\]/);
  return `'${text}'`;
}

// Hand-made landing rows for the traps of docs/spark-dialect.md §3: each is compared across the
// engines as above, and its value is asserted (on both engines) where the trap would change it.
test('edge cases: DST fall-back, PHI next to non-ASCII letters, numeric text, rounding, _raw JSON', async () => {
  const mrn = 'a'.repeat(64);
  const admission = (id: string, fields: Partial<Record<string, string>>) => {
    const row: Record<string, string> = {
      encounter_id: id,
      mrn_hash: mrn,
      ssn_masked: 'XXX-XX-1234',
      admit_dt: '2024-06-01 10:00:00',
      discharge_dt: '2024-06-03 10:00:00',
      los: '2',
      drg_code: '871',
      payer: 'Medicare',
      readmit_flag: 'false',
      ed_arrival_dt: '',
      disposition: 'Home',
      age: '70',
      gender: 'F',
      admit_type: 'Emergency',
      ed_decision_dt: '',
      unit: 'ICU',
      charlson_index: '1',
      ed_visits_prior_6m: '0',
      ...fields,
    };
    return Object.values(row).join(',');
  };
  const admissions = [
    'encounter_id,mrn_hash,ssn_masked,admit_dt,discharge_dt,los,drg_code,payer,readmit_flag,ed_arrival_dt,disposition,age,gender,admit_type,ed_decision_dt,unit,charlson_index,ed_visits_prior_6m',
    admission('DST_BACK', { admit_dt: '2024-11-03 01:30:00', discharge_dt: '2024-11-05 01:30:00.5' }),
    admission('DST_FWD', { admit_dt: '2024-03-10 02:30:00' }),
    admission('ISO', { admit_dt: '2024-06-01T10:00:00.1234567+05:30' }),
    admission('NANOS', { admit_dt: '2024-06-01 10:00:00.9999999' }),
    admission('PHI_E_BEFORE', { payer: 'é123-45-6789' }),
    admission('PHI_E_AFTER', { payer: '123-45-6789é' }),
    admission('NOT_PHI', { payer: 'x123-45-6789' }),
    admission('PHI_MRN', { disposition: 'MRN 12345' }),
    admission('LOS_FRACTION', { los: '1.5' }),
    admission('LOS_EXPONENT', { los: '1e3' }),
    admission('LOS_PLUS', { los: '+2' }),
    admission('AGE_NBSP', { age: '\u00a042\u00a0' }),
    admission('DRG_LONG', { drg_code: '1234' }),
    admission('DRG_SHORT', { drg_code: '12' }),
  ];
  const staffing = [
    'staffing_id,unit,shift,shift_date,patient_count,rn_count,acuity_score,ratio',
    'YEAR_ONLY,ICU,Day,2024,5,2,4.1,2.5',
    'YEAR_MONTH,ICU,Day,2024-03,5,2,4.1,2.5',
    'SLASHES,ICU,Day,2024/01/05,5,2,4.1,2.5',
    'NAN,ICU,Day,2024-01-05,5,2,NaN,2.5',
    'INFINITY,ICU,Day,2024-01-05,5,2,4.1,Infinity',
    'INF,ICU,Day,2024-01-05,5,2,4.1,inf',
    'COUNT_FRACTION,ICU,Day,2024-01-05,1.5,2,4.1,2.5',
    'HALF_0575,ICU,Day,2024-01-05,23,40,4.1,2.5',
    'HALF_0285,ICU,Night,2024-01-05,57,200,4.1,2.5',
    'EXPONENT,ICU,Eve,2024-01-05,5,2,4e-1,.5',
  ];
  const claims = [
    'claim_id,encounter_id,payer,cpt_code,icd10_code,billed_amt,allowed_amt,paid_amt,denial_reason_code,service_dt',
    'C_UNKNOWN,NOPE,Medicare,99223,A41.9,12.50,,0,CO-16,2024-06-02',
    'C_BIG,NOPE,Medicare,99223,A41.9,12345678.90,12.00,0.10,,2024-06-02',
    'C_UNDERSCORE,DST_FWD,Medicare,99223,A41.9,1_000,,,,2024-06-02',
    'C_ROUNDED,DST_FWD,Medicare,99223,A41.9,12.345,,,,2024-06-02',
  ];
  const events = [
    'event_id,clinician_id,event_timestamp,event_type,patient_id,metadata',
    'EV_DST,1,2024-11-03 01:30:00.120,LOGIN,,{}',
    'EV_UNKNOWN,99,2024-01-01 10:00:00.120,LOGIN,,{"k": null}',
    'EV_PHI,1,2024-01-01 10:05:00,OPEN,é123-45-6789,{}',
    'EV_ID_FRACTION,1.5,2024-01-01 10:06:00,OPEN,,{}',
  ];
  const edge = await makePipelineLake(
    {
      'admissions.csv': `${admissions.join('\n')}\n`,
      'staffing.csv': `${staffing.join('\n')}\n`,
      'claims.csv': `${claims.join('\n')}\n`,
      'clinicians.csv':
        'clinician_id,clinician_name,clinician_role,session_inactivity_minutes\n1,A,Nurse,30\n2,B,Nurse,1.5\n',
      'emr_events.csv': `${events.join('\n')}\n`,
    },
    { sourceTimeZone: 'America/New_York' },
  );
  await runPipeline(edge, 'all');
  const bronze = await assertBronzeModels(edge, 'America/New_York');
  // Both engines' rows are equal (asserted above); these are the values the traps would change.
  for (const rows of [bronze, sparkBronze]) {
    const byId = (model: string, key: string) =>
      new Map(rows.get(model)!.map((r) => [String(r[key]), r] as [string, Record<string, Json>]));
    const adm = byId('bronze_healthcare_admissions', 'encounter_id');
    assert.equal(adm.get('DST_BACK')!.admit_dt, '2024-11-03 06:30:00+00'); // standard time, the later instant
    assert.equal(adm.get('DST_BACK')!.discharge_dt, '2024-11-05 06:30:00.5+00');
    assert.equal(adm.get('DST_FWD')!.admit_dt, '2024-03-10 07:30:00+00');
    assert.equal(adm.get('ISO')!.admit_dt, '2024-06-01 04:30:00.123456+00');
    assert.equal(adm.get('NANOS')!.admit_dt, '2024-06-01 14:00:00.999999+00'); // truncated, not rounded
    for (const id of ['PHI_E_BEFORE', 'PHI_E_AFTER', 'PHI_MRN']) {
      assert.equal(adm.get(id)!._reject_reason, 'phi_like_value', id);
      assert.doesNotMatch(String(adm.get(id)!._raw), /123-45-6789|MRN 12345/, id);
    }
    assert.equal(adm.get('NOT_PHI')!._reject_reason, null);
    assert.equal(adm.get('LOS_FRACTION')!._reject_reason, 'invalid_los');
    assert.equal(adm.get('LOS_EXPONENT')!._reject_reason, 'invalid_los');
    assert.equal(adm.get('LOS_PLUS')!.los, 2);
    assert.equal(adm.get('AGE_NBSP')!.age, 42);
    assert.equal(adm.get('DRG_LONG')!._reject_reason, 'invalid_drg_code');
    assert.equal(adm.get('DRG_SHORT')!.drg_code, '012');
    const staff = byId('bronze_healthcare_staffing', 'staffing_id');
    for (const [id, reason] of [
      ['YEAR_ONLY', 'invalid_shift_date'],
      ['YEAR_MONTH', 'invalid_shift_date'],
      ['SLASHES', 'invalid_shift_date'],
      ['NAN', 'invalid_acuity_score'],
      ['INFINITY', 'invalid_ratio'],
      ['INF', 'invalid_ratio'],
      ['COUNT_FRACTION', 'invalid_patient_count'],
    ])
      assert.equal(staff.get(id!)!._reject_reason, reason, id);
    assert.deepEqual([staff.get('EXPONENT')!.acuity_score, staff.get('EXPONENT')!.ratio], [0.4, 0.5]);
    const claim = byId('bronze_healthcare_claims', 'claim_id');
    assert.equal(claim.get('C_UNDERSCORE')!._reject_reason, 'invalid_billed_amt');
    assert.equal(claim.get('C_ROUNDED')!.billed_amt, '12.35');
    const ev = byId('bronze_emr_events', 'event_id');
    assert.equal(ev.get('EV_DST')!.event_timestamp, '2024-11-03 06:30:00.12+00');
    assert.equal(ev.get('EV_PHI')!._reject_reason, 'phi_like_value');
    assert.equal(ev.get('EV_ID_FRACTION')!._reject_reason, 'invalid_clinician_id');
    assert.equal(
      byId('bronze_clinicians', 'clinician_id').get('2')!._reject_reason,
      'invalid_threshold',
      "a threshold of '1.5' is not an integer",
    );
  }

  // round(0.575 and 0.285, 2): DuckDB rounds the binary value (0.57, 0.28), Spark's round() the
  // decimal text (0.58, 0.29); round_double gives DuckDB's on both.
  await exposeTable(edge, 'lh_bronze', 'bronze_healthcare_staffing');
  await share('superseded', supersededSql('bronze_healthcare_staffing', 'staffing_id'));
  const ratios = await assertSameModel(
    'silver_healthcare_staffing',
    readModelSql('silver', 'silver_healthcare_staffing'),
  );
  assert.deepEqual(
    ratios
      .filter((r) => String(r.staffing_id).startsWith('HALF_'))
      .map((r) => r.patients_per_rn)
      .sort(),
    [0.28, 0.57],
  );

  // _raw: nulls kept, timestamps as DuckDB writes them, amounts as numbers. One difference is
  // left, and asserted: an amount of 10^7 or more is written 1.23456789E7 by Spark (JSON's same
  // number as DuckDB's 12345678.9), see docs/spark-dialect.md.
  await exposeTable(edge, 'lh_bronze', 'bronze_healthcare_claims');
  await exposeTable(edge, 'lh_silver', 'silver_healthcare_encounters');
  await share('superseded', supersededSql('bronze_healthcare_claims', 'claim_id'));
  const raw = (r: Record<string, Json>) => ({
    ...r,
    _raw: r._raw === null ? null : JSON.parse(String(r._raw)),
  });
  const claimRows = await assertSameModel(
    'silver_healthcare_claims (_raw as JSON)',
    readModelSql('silver', 'silver_healthcare_claims'),
    {},
    toSpark(readModelSql('silver', 'silver_healthcare_claims')),
    raw,
  );
  const rawOf = (rows: Record<string, Json>[], id: string) =>
    String(rows.find((r) => r.claim_id === id)!._raw);
  assert.equal(rawOf(lastSparkRows, 'C_UNKNOWN'), rawOf(claimRows, 'C_UNKNOWN'));
  assert.match(rawOf(claimRows, 'C_UNKNOWN'), /"billed_amt":12\.5,"allowed_amt":null,"paid_amt":0\.0,/);
  assert.match(rawOf(claimRows, 'C_BIG'), /"billed_amt":12345678\.9,"allowed_amt":12\.0,"paid_amt":0\.1,/);
  assert.equal(
    rawOf(lastSparkRows, 'C_BIG'),
    rawOf(claimRows, 'C_BIG').replace('"billed_amt":12345678.9,', '"billed_amt":1.23456789E7,'),
  );

  await exposeTable(edge, 'lh_silver', 'clinician_dim');
  await exposeTable(edge, 'lh_bronze', 'bronze_emr_events', 'new_bronze_events');
  await share('prior_event_ids', 'SELECT event_id FROM new_bronze_events WHERE false');
  await share('emr_event_repeats', readModelSql('silver', '_emr_event_repeats'));
  const silverEvents = await assertSameModel('emr_events', readModelSql('silver', 'emr_events'), {
    bucket_count: CLINICIAN_BUCKETS,
  });
  const unknown = silverEvents.find((r) => r.event_id === 'EV_UNKNOWN')!;
  assert.equal(unknown._reject_reason, 'unknown_clinician');
  assert.equal(
    unknown._raw,
    '{"event_id":"EV_UNKNOWN","clinician_id":99,"event_timestamp":"2024-01-01 15:00:00.12+00","event_type":"LOGIN","patient_id":null,"metadata":"{\\"k\\": null}"}',
  );
});

test('NULL ordering: every ORDER BY in the models says where NULLs go (Spark sorts them first, DuckDB last)', async () => {
  const rows = await assertSameModel(
    'nulls last',
    'select x, cast(row_number() over (order by x nulls last) as bigint) as n from (values (2), (null), (1)) as t(x)',
  );
  assert.deepEqual(
    rows.sort((a, b) => Number(a.n) - Number(b.n)).map((r) => r.x),
    [1, 2, null],
  );
  const unstated: string[] = [];
  for (const dir of ['bronze', 'silver', 'gold'])
    for (const f of readdirSync(join(PROJECT_ROOT, 'models', dir)).filter((n) => n.endsWith('.sql')))
      for (const item of orderByItems(readFileSync(join(PROJECT_ROOT, 'models', dir, f), 'utf8')))
        if (!/\bnulls\s+(first|last)\b/i.test(item)) unstated.push(`${dir}/${f}: ${item}`);
  assert.deepEqual(unstated, []);
});

/** The items of every ORDER BY of a model (comments and literals left out). */
function orderByItems(sql: string): string[] {
  const tokens = tokenizeSql(sql).filter((t) => t.kind !== 'comment' && t.kind !== 'space');
  const items: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.text.toLowerCase() !== 'order' || tokens[i + 1]!.text.toLowerCase() !== 'by') continue;
    let depth = 0;
    let item: string[] = [];
    for (let j = i + 2; j < tokens.length; j++) {
      const t = tokens[j]!.text.toLowerCase();
      if (t === '(') depth++;
      if ((t === ')' && depth === 0) || (depth === 0 && ['rows', 'range', 'limit', ';'].includes(t))) break;
      if (t === ')') depth--;
      if (t === ',' && depth === 0) {
        items.push(item.join(' '));
        item = [];
      } else item.push(tokens[j]!.text);
    }
    items.push(item.join(' '));
  }
  return items;
}
