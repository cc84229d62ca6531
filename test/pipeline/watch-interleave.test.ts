import assert from 'node:assert/strict';
import { readdirSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { landingDir, tableDir } from '../../src/lakehouse/lake-layout.js';
import { readLake } from '../../src/lakehouse/read-lake.js';
import type { BatchRecord } from '../../src/pipeline/watch/batch-record.js';
import { type WatchEvent, watchLandingZone } from '../../src/pipeline/watch/watch-landing-zone.js';
import { EMR_HEADER } from '../helpers/emr-delivery.js';
import { openTestEngine } from '../helpers/open-test-engine.js';
import { addLandingFile, makePipelineLake, runPipeline, SEED_FIXTURES } from '../helpers/pipeline-lake.js';
import { PROJECT_ROOT } from '../helpers/project-root.js';
import { readLakeFingerprint } from '../helpers/read-lake-fingerprint.js';

// An EMR file that settles while a batch rebuilds the hospital tables runs as its own sessions
// batch between two hospital steps (once the ED metrics are built), and the lake ends as one
// run over all the files.

const HOSPITAL = join(PROJECT_ROOT, 'test', 'fixtures', 'hospital');
const fixture = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');
const LATE_EMR = `${EMR_HEADER}L1,101,2025-03-31 16:00:00,OPEN_CHART,,{}\nL2,101,2025-03-31 16:05:00,SIGN_ORDER,,{}\n`;
const NEW_ADMISSION = (() => {
  const [header, first] = fixture(HOSPITAL, 'admissions.csv').split('\n');
  return `${header}\n${first!.replace(/^E1,/, 'E900,')}\n`;
})();

function startingFiles(): Record<string, string> {
  const files: Record<string, string> = {
    'clinicians.csv': fixture(SEED_FIXTURES, 'clinicians.csv'),
    'emr_events.csv': fixture(SEED_FIXTURES, 'emr_events.csv'),
  };
  for (const name of readdirSync(HOSPITAL)) files[name] = fixture(HOSPITAL, name);
  return files;
}

const gold = (fingerprint: Record<string, string>) =>
  Object.fromEntries(Object.entries(fingerprint).filter(([t]) => t.startsWith('lh_gold.')));

test('an EMR file that settles during a hospital rebuild runs between its steps; the lake ends as one run', {
  timeout: 300_000,
}, async () => {
  const lake = await makePipelineLake(startingFiles());
  await runPipeline(lake, 'all');
  addLandingFile(lake, 'admissions_900.csv', NEW_ADMISSION);
  // Every file but the late EMR file is old, so the first batch takes them at once; the late
  // one must be seen unchanged for the settle time. The clock moves 400 ms per reading, so the
  // late file settles after a few readings: inside the first batch's hospital rebuild.
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const name of readdirSync(landingDir(lake)))
    utimesSync(join(landingDir(lake), name), hourAgo, hourAgo);
  addLandingFile(lake, 'emr_events_late.csv', LATE_EMR);
  let clock = Date.now() - 60_000;
  const now = () => {
    clock += 400;
    return new Date(clock);
  };

  const engine = await openTestEngine();
  const events: WatchEvent[] = [];
  const stop = new AbortController();
  await watchLandingZone({
    engine,
    lake: await readLake(lake),
    intervalMs: 50,
    settleMs: 1_000,
    now,
    signal: stop.signal,
    emit: (event) => {
      events.push(event);
      if (event.event === 'idle' || event.event === 'error') stop.abort();
    },
    log: () => {},
  });

  assert.deepEqual(
    events.filter((e) => e.event === 'error'),
    [],
  );
  const batches = events.filter((e): e is BatchRecord => e.event === 'batch');
  assert.equal(batches.length, 2, JSON.stringify(batches.map((b) => b.files)));
  const [inner, outer] = batches;
  assert.deepEqual(inner!.files, ['emr_events_late.csv'], 'the late file ran first, reported first');
  assert.equal(inner!.within, outer!.batch, 'between the steps of the batch that took the admissions');
  assert.ok(inner!.batch > outer!.batch);
  assert.deepEqual(inner!.files_ingested, ['emr_events_late.csv']);
  assert.equal(inner!.rows_in, 2);
  assert.ok(inner!.tables_changed.includes('lh_gold.dbo.clinician_emr_sessions'));
  assert.ok(
    !inner!.tables_changed.some((t) => t.includes('healthcare')),
    'the sessions batch touched no hospital table',
  );
  assert.deepEqual(outer!.files_ingested, ['admissions_900.csv']);
  assert.ok(outer!.tables_changed.includes('lh_gold.dbo.gold_healthcare_ed_metrics'));
  assert.equal(outer!.within, undefined);
  // Not before the ED metrics: the new ED arrival's way to the ED page is not held up.
  const committedAt = async (lakehouse: string, name: string) =>
    (await engine.table(tableDir(lake, lakehouse, name), name).readHistory(1))[0]!.timestamp.getTime();
  assert.ok(
    (await committedAt('lh_gold', 'gold_healthcare_ed_metrics')) <=
      (await committedAt('lh_bronze', 'bronze_emr_events')),
    'the EMR batch ran after the ED metrics were committed',
  );

  const oneShot = await makePipelineLake({
    ...startingFiles(),
    'admissions_900.csv': NEW_ADMISSION,
    'emr_events_late.csv': LATE_EMR,
  });
  await runPipeline(oneShot, 'all');
  assert.deepEqual(gold(await readLakeFingerprint(lake)), gold(await readLakeFingerprint(oneShot)));
});
