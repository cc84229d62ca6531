import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { configPath, tableDir } from '../../../src/lakehouse/lake-layout.js';
import { readLake } from '../../../src/lakehouse/read-lake.js';
import { buildSessionsOnSpark } from '../../../src/pipeline/sessions/build-sessions-on-spark.js';
import { makePipelineLake, queryLake, runPipeline, SEED_FIXTURES } from '../../helpers/pipeline-lake.js';
import { runCliCaptured } from '../../helpers/run-cli.js';
import { openSparkClient } from '../../helpers/spark-client.js';
import { tempDir } from '../../helpers/temp-dir.js';

// The contract between the engines for gold clinician_emr_sessions: the DuckDB engine builds
// the lake, a copy gets the table rebuilt by Spark (Spark's own Delta writer, the Spark version
// of the model), and carelake then reads both: same rows, same values, same Delta schema and
// partitioning.
const spark = openSparkClient();
const SESSIONS = 'SELECT * FROM lh_gold.dbo.clinician_emr_sessions ORDER BY session_id';

function deltaSchema(lake: string): { schema: unknown; partitions: unknown } {
  const log = join(tableDir(lake, 'lh_gold', 'clinician_emr_sessions'), '_delta_log');
  let meta: { schemaString: string; partitionColumns: string[] } | undefined;
  for (const f of readdirSync(log)
    .filter((n) => n.endsWith('.json'))
    .sort())
    for (const line of readFileSync(join(log, f), 'utf8').split('\n'))
      if (line.includes('"metaData"')) meta = JSON.parse(line).metaData;
  const fields = (JSON.parse(meta!.schemaString) as { fields: { name: string; type: unknown }[] }).fields;
  return { schema: fields.map((f) => [f.name, f.type]), partitions: meta!.partitionColumns };
}

async function assertSparkAgrees(lake: string): Promise<number> {
  const duck = await queryLake(lake, SESSIONS);
  const copy = join(tempDir('spark-sessions-'), 'lake');
  cpSync(lake, copy, { recursive: true });
  const build = await buildSessionsOnSpark(spark, await readLake(copy));
  assert.equal(build.rows, duck.length);
  assert.deepEqual(await queryLake(copy, SESSIONS), duck);
  assert.deepEqual(deltaSchema(copy), deltaSchema(lake));
  return duck.length;
}

test('the seed notebook events: Spark and DuckDB give the same sessions (equal gaps continue, per-clinician thresholds)', async () => {
  const files = {
    'clinicians.csv': readFileSync(join(SEED_FIXTURES, 'clinicians.csv'), 'utf8'),
    'emr_events.csv': readFileSync(join(SEED_FIXTURES, 'emr_events.csv'), 'utf8'),
  };
  const lake = await makePipelineLake(files);
  await runPipeline(lake, 'sessions');
  assert.equal(await assertSparkAgrees(lake), 8);
});

test('50,000 generated events with dirty rows, in a source time zone with daylight saving: the same sessions on both engines', async () => {
  const lake = join(tempDir('spark-generated-'), 'lake');
  assert.equal((await runCliCaptured(['init', '--lake', lake])).code, 0);
  const path = configPath(lake);
  writeFileSync(
    path,
    JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), sourceTimeZone: 'America/New_York' }),
  );
  const g = await runCliCaptured(
    [
      'generate',
      '--lake',
      lake,
      '--scale',
      'tiny',
      '--seed',
      '11',
      '--dirty',
      '0.05',
      '--clinicians',
      '60',
      '--events',
      '50k',
    ],
    { CARELAKE_HASH_SALT: 'c3'.repeat(32) },
  );
  assert.equal(g.code, 0, g.stderr);
  await runPipeline(lake, 'sessions');
  const n = await assertSparkAgrees(lake);
  assert.ok(n > 1000, `${n} sessions`);
});

test('a lake with maxSessionMinutes: Spark cuts the same long sessions as DuckDB (no recursive CTE on Spark 4.0)', async () => {
  const lake = join(tempDir('spark-capped-'), 'lake');
  assert.equal((await runCliCaptured(['init', '--lake', lake])).code, 0);
  const path = configPath(lake);
  writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), maxSessionMinutes: 20 }));
  const g = await runCliCaptured(
    ['generate', '--lake', lake, '--scale', 'tiny', '--seed', '3', '--clinicians', '20', '--events', '5k'],
    { CARELAKE_HASH_SALT: 'd4'.repeat(32) },
  );
  assert.equal(g.code, 0, g.stderr);
  await runPipeline(lake, 'sessions');
  const cut = await queryLake(
    lake,
    "SELECT count(*) AS n FROM lh_gold.dbo.clinician_emr_sessions WHERE split_cause = 'max_duration'",
  );
  assert.ok(Number(cut[0]!.n) > 10, `${cut[0]!.n} sessions cut`);
  assert.ok((await assertSparkAgrees(lake)) > 100);
});
