import assert from 'node:assert/strict';
import { readdirSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { landingDir } from '../../src/lakehouse/lake-layout.js';
import { readLake } from '../../src/lakehouse/read-lake.js';
import { type WatchEvent, watchLandingZone } from '../../src/pipeline/watch/watch-landing-zone.js';
import { emrDelivery } from '../helpers/emr-delivery.js';
import { openTestEngine } from '../helpers/open-test-engine.js';
import { addLandingFile, makePipelineLake, runPipeline, SEED_FIXTURES } from '../helpers/pipeline-lake.js';
import { readDataFingerprint } from '../helpers/read-lake-fingerprint.js';

// A watcher that has run batches merges their small files when idle; the rows do not change,
// and the next run still takes only the new events and recomputes only tails.

const CLINICIANS = readFileSync(join(SEED_FIXTURES, 'clinicians.csv'), 'utf8');
const delivery = (n: number) => emrDelivery(n, [101, 102, 103, 104]);
const tables = readDataFingerprint;

test('an idle watcher compacts the small files its batches appended; rows unchanged, next run incremental', {
  timeout: 300_000,
}, async () => {
  const lake = await makePipelineLake({ 'clinicians.csv': CLINICIANS });
  const files: Record<string, string> = { 'clinicians.csv': CLINICIANS };
  for (let n = 1; n <= 4; n++) {
    files[`emr_events_${n}.csv`] = delivery(n);
    addLandingFile(lake, `emr_events_${n}.csv`, delivery(n));
    if (n < 4) await runPipeline(lake, 'sessions');
  }
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const name of readdirSync(landingDir(lake)))
    utimesSync(join(landingDir(lake), name), hourAgo, hourAgo);
  let clock = Date.now();
  const now = () => {
    clock += 400;
    return new Date(clock);
  };
  const events: WatchEvent[] = [];
  const stop = new AbortController();
  await watchLandingZone({
    engine: await openTestEngine(),
    lake: await readLake(lake),
    intervalMs: 20,
    settleMs: 1_000,
    compactEveryMs: 5_000,
    now,
    signal: stop.signal,
    emit: (event) => {
      events.push(event);
      if (event.event === 'optimize' || event.event === 'error') stop.abort();
    },
    log: () => {},
  });
  assert.deepEqual(
    events.filter((e) => e.event === 'error'),
    [],
  );
  const kinds = events.map((e) => e.event);
  assert.deepEqual(
    kinds,
    ['start', 'batch', 'optimize', 'stop'],
    'after the batch, nothing waiting: compacted',
  );
  const optimize = events.find((e) => e.event === 'optimize');
  assert.ok(optimize?.event === 'optimize');
  const compacted = new Map(optimize.tables.map((t) => [t.table, t]));
  for (const table of ['lh_bronze.dbo.bronze_emr_events', 'lh_silver.dbo.emr_events']) {
    const t = compacted.get(table);
    assert.ok(t && t.files_removed > t.files_added, `${table}: ${JSON.stringify(t)}`);
  }
  const oneShot = await makePipelineLake(files);
  await runPipeline(oneShot, 'all');
  assert.deepEqual(await tables(lake), await tables(oneShot), 'compaction changed no row');

  addLandingFile(lake, 'emr_events_5.csv', delivery(5));
  addLandingFile(oneShot, 'emr_events_5.csv', delivery(5));
  const out = await runPipeline(lake, 'all');
  assert.match(out, /silver emr_events\s+\d+ ms\s+incremental from bronze version \d+, 4 rows/, out);
  assert.match(out, /the tails of \d+ clinician/);
  await runPipeline(oneShot, 'all');
  assert.deepEqual(await tables(lake), await tables(oneShot));
});
