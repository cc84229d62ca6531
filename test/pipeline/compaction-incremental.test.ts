import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { emrDelivery } from '../helpers/emr-delivery.js';
import {
  addLandingFile,
  makePipelineLake,
  queryLake,
  runPipeline,
  SEED_FIXTURES,
} from '../helpers/pipeline-lake.js';
import { readDataFingerprint } from '../helpers/read-lake-fingerprint.js';
import { runCliCaptured } from '../helpers/run-cli.js';

// `carelake table optimize` rewrites bronze and silver files without changing rows. The next run
// must still take only the new events (no compacted row counted as new, so none quarantined as a
// duplicate) and recompute only the sessions' tails; a compaction that took in rows silver had
// not processed yet makes silver start over, and the tables are right either way.

const CLINICIANS = readFileSync(join(SEED_FIXTURES, 'clinicians.csv'), 'utf8');
const delivery = (n: number) => emrDelivery(n, [101, 102, 103]);
const tables = readDataFingerprint;

async function optimize(lake: string, table: string): Promise<string> {
  const r = await runCliCaptured(['table', 'optimize', table, '--lake', lake]);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

async function oneShot(files: Record<string, string>): Promise<Record<string, string>> {
  const lake = await makePipelineLake({ 'clinicians.csv': CLINICIANS, ...files });
  await runPipeline(lake, 'sessions');
  return tables(lake);
}

test('after OPTIMIZE of bronze and silver events, a run takes only the new events and recomputes only tails', async () => {
  const lake = await makePipelineLake({ 'clinicians.csv': CLINICIANS });
  const files: Record<string, string> = {};
  for (let n = 1; n <= 3; n++) {
    files[`emr_events_${n}.csv`] = delivery(n);
    addLandingFile(lake, `emr_events_${n}.csv`, delivery(n));
    await runPipeline(lake, 'sessions');
  }
  assert.match(await optimize(lake, 'lh_bronze.dbo.bronze_emr_events'), /3 file/);
  assert.match(await optimize(lake, 'lh_silver.dbo.emr_events'), /file/);
  files['emr_events_4.csv'] = delivery(4);
  addLandingFile(lake, 'emr_events_4.csv', delivery(4));
  const out = await runPipeline(lake, 'sessions');
  assert.match(out, /silver emr_events\s+\d+ ms\s+incremental from bronze version \d+, 3 rows/, out);
  assert.match(out, /the tails of \d+ clinician/, 'tails, not whole buckets');
  assert.deepEqual(
    await queryLake(
      lake,
      "SELECT count(*) AS n FROM lh_silver.dbo.quarantine WHERE _reject_reason = 'duplicate_event'",
    ),
    [{ n: 0 }],
  );
  assert.deepEqual(await tables(lake), await oneShot(files));
});

test('a compaction that took in bronze rows silver had not processed makes silver start over, rightly', async () => {
  const lake = await makePipelineLake({ 'clinicians.csv': CLINICIANS, 'emr_events_1.csv': delivery(1) });
  await runPipeline(lake, 'sessions');
  addLandingFile(lake, 'emr_events_2.csv', delivery(2));
  await runPipeline(lake, 'bronze');
  await optimize(lake, 'lh_bronze.dbo.bronze_emr_events');
  const out = await runPipeline(lake, 'sessions');
  assert.match(out, /silver emr_events\s+\d+ ms\s+full from bronze version/, out);
  assert.deepEqual(
    await tables(lake),
    await oneShot({ 'emr_events_1.csv': delivery(1), 'emr_events_2.csv': delivery(2) }),
  );
});

test('runs stay incremental across a checkpoint (it writes every file with dataChange false)', async () => {
  const lake = await makePipelineLake({ 'clinicians.csv': CLINICIANS });
  const files: Record<string, string> = {};
  for (let n = 1; n <= 12; n++) {
    files[`emr_events_${n}.csv`] = delivery(n);
    addLandingFile(lake, `emr_events_${n}.csv`, delivery(n));
    const out = await runPipeline(lake, 'sessions');
    if (n === 1) continue;
    assert.match(
      out,
      /silver emr_events\s+\d+ ms\s+incremental from bronze version \d+, 3 rows/,
      `run ${n}: ${out}`,
    );
    assert.match(out, /the tails of \d+ clinician/, `run ${n}: tails, not whole buckets`);
  }
  for (const dir of [
    'lh_bronze.Lakehouse/Tables/dbo/bronze_emr_events',
    'lh_silver.Lakehouse/Tables/dbo/emr_events',
  ])
    assert.ok(
      readdirSync(join(lake, dir, '_delta_log')).some((n) => n.endsWith('.checkpoint.parquet')),
      `${dir} has a checkpoint`,
    );
  assert.deepEqual(await tables(lake), await oneShot(files));
});
