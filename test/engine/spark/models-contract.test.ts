import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
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
import { quoteSparkIdentifier } from '../../../src/engine/spark/quote-spark-identifier.js';
import { configPath, landingDir, tableDir } from '../../../src/lakehouse/lake-layout.js';
import { readLake } from '../../../src/lakehouse/read-lake.js';
import { DEFAULT_DRG_WEIGHTS } from '../../../src/pipeline/hospital/run-hospital-pipeline.js';
import { readLandingFiles } from '../../../src/pipeline/landing/read-landing-files.js';
import { stageLandingFile } from '../../../src/pipeline/landing/stage-landing-file.js';
import { readMacros, readModelMeta, readModelSql } from '../../../src/pipeline/read-model.js';
import { CLINICIAN_BUCKETS } from '../../../src/pipeline/sessions/clinician-buckets.js';
import { openTestEngine } from '../../helpers/open-test-engine.js';
import { runPipeline } from '../../helpers/pipeline-lake.js';
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
  const [d, s] = [canonical(duckRows), canonical(sparkRows)];
  const onlyDuck = difference(d, s);
  const onlySpark = difference(s, d);
  assert.ok(
    onlyDuck.length === 0 && onlySpark.length === 0,
    `${label}: ${onlyDuck.length} row(s) only on DuckDB, ${onlySpark.length} only on Spark (of ${d.length} / ${s.length})\n` +
      `DuckDB: ${onlyDuck.slice(0, 3).join('\n        ')}\nSpark:  ${onlySpark.slice(0, 3).join('\n        ')}`,
  );
  return duckRows;
}

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
    }
  }
  return out;
}

// One generated lake for the silver and gold models: 2,000 admissions, 5,000 claims, 20,000
// events of 40 clinicians, 5 % of rows dirty (duplicates, unparseable values, PHI-like text,
// re-deliveries), sourceTimeZone America/New_York.
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
    readModelSql('gold', 'clinician_emr_sessions', 'spark'),
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
