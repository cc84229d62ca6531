import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { configPath, tableDir } from '../../../src/lakehouse/lake-layout.js';
import { PIPELINE_TABLES } from '../../../src/pipeline/run-pipeline.js';
import { GENERATED_SALT, makeGeneratedLake } from '../../helpers/generated-lake.js';
import { addLandingFile, makePipelineLake, queryLake, SEED_FIXTURES } from '../../helpers/pipeline-lake.js';
import { PROJECT_ROOT } from '../../helpers/project-root.js';
import { runCliCaptured } from '../../helpers/run-cli.js';
import { sparkRemote } from '../../helpers/spark-client.js';

// The pipeline contract between the engines: the same landing files through `carelake run all`
// on DuckDB and on Spark (`--engine spark`: Spark SQL through Spark Connect, Spark's Delta
// writer) give the same tables: rows, values, Delta types, partitioning, quarantine reasons,
// expectation results; and so does a second run with late and re-delivered data (incremental on
// both). carelake reads both lakes with its own reader. Only what names a run differs: its id
// and its time. Spark reaches its lake through a lake URI (another path to the same folder).
const RUN_COLUMNS = new Set([
  '_bronze_ingested_at',
  '_bronze_batch_id',
  '_batch_id',
  '_ingested_at',
  'run_id',
  'evaluated_at',
]);
const HOSPITAL = join(PROJECT_ROOT, 'test', 'fixtures', 'hospital');
const TABLES: [string, string][] = [
  ...PIPELINE_TABLES,
  ['lh_bronze', 'quarantine'],
  ['lh_silver', 'quarantine'],
  ['lh_gold', 'dq_expectation_results'],
];

function deltaMeta(lake: string, lakehouse: string, name: string): unknown {
  const log = join(tableDir(lake, lakehouse, name), '_delta_log');
  let meta: { schemaString: string; partitionColumns: string[] } | undefined;
  for (const f of readdirSync(log)
    .filter((n) => n.endsWith('.json'))
    .sort())
    for (const line of readFileSync(join(log, f), 'utf8').split('\n'))
      if (line.includes('"metaData"')) meta = JSON.parse(line).metaData;
  const fields = (
    JSON.parse(meta!.schemaString) as { fields: { name: string; type: unknown; nullable: boolean }[] }
  ).fields;
  return { columns: fields.map((f) => [f.name, f.type]), partitions: meta!.partitionColumns };
}

async function tableRows(lake: string, lakehouse: string, name: string): Promise<unknown[]> {
  const described = await queryLake(lake, `DESCRIBE SELECT * FROM ${lakehouse}.dbo.${name}`);
  const columns = described
    .map((r) => String(r.column_name))
    .filter((c) => !RUN_COLUMNS.has(c))
    .map((c) => `"${c}"`);
  const rows = await queryLake(
    lake,
    `SELECT ${columns.join(', ')} FROM ${lakehouse}.dbo.${name} ORDER BY ALL`,
  );
  // A refused row's `_raw` holds the whole bronze row, the run's id and time included.
  return rows.map((r) =>
    typeof r._raw === 'string' && r._raw.startsWith('{')
      ? { ...r, _raw: JSON.stringify(JSON.parse(r._raw), (k, v) => (RUN_COLUMNS.has(k) ? undefined : v)) }
      : r,
  );
}

/**
 * `textRawOfParquet`: the one difference between the engines (docs/spark-dialect.md): a bronze
 * row refused from a typed Parquet column shows its values in `_raw` as JSON strings on Spark
 * (the Spark macros take text) and as JSON numbers and booleans on DuckDB; such rows are
 * compared with every JSON value as text, every other row exactly.
 */
async function assertSameLakes(
  duck: string,
  spark: string,
  options: { textRawOfParquet?: boolean } = {},
): Promise<void> {
  const asText = (rows: unknown[]) =>
    rows.map((r) => {
      const row = r as Record<string, unknown>;
      if (
        !options.textRawOfParquet ||
        !String(row._source_file).endsWith('.parquet') ||
        row._source_table?.toString().startsWith('silver')
      )
        return row;
      return {
        ...row,
        _raw: JSON.stringify(JSON.parse(String(row._raw)), (_k, v) =>
          typeof v === 'number' || typeof v === 'boolean' ? String(v) : v,
        ),
      };
    });
  for (const [lakehouse, name] of TABLES) {
    const table = `${lakehouse}.dbo.${name}`;
    const exists = (lake: string) => existsSync(join(tableDir(lake, lakehouse, name), '_delta_log'));
    assert.ok(exists(duck), `${table} exists`);
    assert.ok(exists(spark), `${table} exists on Spark`);
    assert.deepEqual(
      deltaMeta(spark, lakehouse, name),
      deltaMeta(duck, lakehouse, name),
      `${table}: Delta schema`,
    );
    assert.deepEqual(
      asText(await tableRows(spark, lakehouse, name)),
      asText(await tableRows(duck, lakehouse, name)),
      `${table}: rows`,
    );
  }
}

async function run(lake: string, flags: string[] = [], env: Record<string, string> = {}): Promise<string> {
  const r = await runCliCaptured(['run', 'all', '--lake', lake, ...flags], {
    CARELAKE_SPARK_REMOTE: sparkRemote(),
    ...env,
  });
  // Exit 1 with a summary: expectations at level error failed (the fixtures break some on purpose).
  assert.ok(
    r.code === 0 || (r.code === 1 && r.stdout.includes('Tables:')),
    `run failed: ${r.stderr}\n${r.stdout}`,
  );
  return r.stdout;
}

test('run all on Spark builds the same lake as on DuckDB, first run and incremental run with late data', async () => {
  const files: Record<string, string> = {};
  for (const f of ['admissions.csv', 'admissions_2025-03-10.csv', 'claims.csv', 'staffing.csv'])
    files[f] = readFileSync(join(HOSPITAL, f), 'utf8');
  for (const f of ['clinicians.csv', 'emr_events.csv'])
    files[f] = readFileSync(join(SEED_FIXTURES, f), 'utf8');
  const duck = await makePipelineLake(files, { staffedBeds: 10 });
  const spark = `${duck}-spark`;
  cpSync(duck, spark, { recursive: true });
  // Spark sees the lake under another name (as a cluster sees OneLake or S3 under abfss:// or
  // s3://): carelake maps every path it hands Spark under engine.spark.lakeUri.
  const clusterView = `${duck}-as-the-cluster-sees-it`;
  symlinkSync(spark, clusterView);
  const config = JSON.parse(readFileSync(configPath(spark), 'utf8'));
  writeFileSync(
    configPath(spark),
    JSON.stringify({ ...config, engine: { ...config.engine, spark: { lakeUri: `file://${clusterView}` } } }),
  );
  const duckOut = await run(duck);
  const sparkOut = await run(spark, ['--engine', 'spark']);
  const landing = (out: string) => out.slice(0, out.indexOf('Tables:'));
  assert.equal(landing(sparkOut), landing(duckOut));
  await assertSameLakes(duck, spark);

  // Late events that re-open a written session, a repeated event id, an unknown clinician, and a
  // re-delivered admission.
  const late = [
    'event_id,clinician_id,event_timestamp,event_type,patient_id,metadata',
    `E900,${firstClinician(files['emr_events.csv']!)},2025-03-31 07:59:00,OPEN_CHART,PAT001,`,
    `${firstEventId(files['emr_events.csv']!)},${firstClinician(files['emr_events.csv']!)},2025-03-31 08:02:00,OPEN_CHART,PAT001,`,
    'E901,999999,2025-03-31 09:00:00,OPEN_CHART,PAT001,',
  ].join('\n');
  for (const lake of [duck, spark]) {
    addLandingFile(lake, 'emr_events_late.csv', `${late}\n`);
    addLandingFile(lake, 'admissions_2025-03-11.csv', files['admissions_2025-03-10.csv']!);
  }
  await run(duck);
  await run(spark, ['--engine', 'spark']);
  await assertSameLakes(duck, spark);
});

test('a generated hospital with dirty Parquet feeds: the same lake on Spark as on DuckDB', async () => {
  const duck = await makeGeneratedLake();
  const spark = `${duck}-spark`;
  cpSync(duck, spark, { recursive: true });
  const env = { CARELAKE_HASH_SALT: GENERATED_SALT };
  const duckOut = await run(duck, [], env);
  const sparkOut = await run(spark, ['--engine', 'spark'], env);
  const landing = (out: string) => out.slice(0, out.indexOf('Tables:'));
  assert.match(landing(duckOut), /\.parquet\s+→ bronze_healthcare_claims/);
  assert.equal(landing(sparkOut), landing(duckOut));
  await assertSameLakes(duck, spark, { textRawOfParquet: true });
});

function firstClinician(csv: string): string {
  return csv.split('\n')[1]!.split(',')[1]!;
}

function firstEventId(csv: string): string {
  return csv.split('\n')[1]!.split(',')[0]!;
}
