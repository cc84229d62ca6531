import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  addLandingFile,
  makePipelineLake,
  queryLake,
  runPipeline,
  SEED_FIXTURES,
} from '../helpers/pipeline-lake.js';
import { runCliCaptured } from '../helpers/run-cli.js';

const seed = (name: string) => readFileSync(join(SEED_FIXTURES, name), 'utf8');
const ALL_SESSIONS = 'SELECT * EXCLUDE (clinician_bucket) FROM clinician_emr_sessions ORDER BY session_id';
const HEADER = 'event_id,clinician_id,event_timestamp,event_type,patient_id,metadata\n';
// Late events for clinician 101: one fills the 40-minute gap between its two sessions (merging them),
// one lands inside the first session. Clinician 103 gets a new session.
const LATE = `${HEADER}EVT101,101,2025-03-31 08:30:00,VIEW_RESULTS,PAT001,{}\nEVT102,101,2025-03-31 08:05:00,ADD_NOTE,PAT001,{}\nEVT103,103,2025-03-31 18:00:00,RUN_REPORT,,{}\nEVT001,101,2025-03-31 07:00:00,DUPLICATE,,{}\n`;

test('re-running on the same landing files changes nothing', async () => {
  const lake = await makePipelineLake({
    'clinicians.csv': seed('clinicians.csv'),
    'emr_events.csv': seed('emr_events.csv'),
  });
  await runPipeline(lake);
  const before = await queryLake(lake, ALL_SESSIONS);
  const versions = async () =>
    (await runCliCaptured(['table', 'history', 'clinician_emr_sessions', '--lake', lake, '--json'])).stdout;
  const historyBefore = await versions();
  const second = await runPipeline(lake);
  assert.match(second, /already ingested, skipped/);
  assert.deepEqual(await queryLake(lake, ALL_SESSIONS), before);
  assert.equal(await versions(), historyBefore, 'no new commit on the sessions table');
  assert.deepEqual(
    await queryLake(
      lake,
      'SELECT count(*) AS n, count(DISTINCT event_id) AS d FROM lh_silver.dbo.emr_events',
    ),
    [{ n: 26, d: 26 }],
  );
  assert.deepEqual(await queryLake(lake, 'SELECT count(*) AS n FROM bronze_emr_events'), [{ n: 26 }]);
});

test('a new landing file with late events gives exactly a full recomputation, recomputing only affected clinicians', async () => {
  const incremental = await makePipelineLake({
    'clinicians.csv': seed('clinicians.csv'),
    'emr_events.csv': seed('emr_events.csv'),
  });
  await runPipeline(incremental);
  addLandingFile(incremental, 'emr_events_2025-04-01.csv', LATE);
  const out = await runPipeline(incremental);
  assert.match(out, /silver emr_events .* incremental/);
  // Clinicians 101 and 103 are in buckets 5 and 7: only those partitions were replaced.
  const history = JSON.parse(
    (await runCliCaptured(['table', 'history', 'clinician_emr_sessions', '--lake', incremental, '--json']))
      .stdout,
  ) as {
    operationParameters: { predicate?: string };
  }[];
  assert.equal(history[0]!.operationParameters.predicate, JSON.stringify({ clinician_bucket: ['5', '7'] }));

  const full = await makePipelineLake({
    'clinicians.csv': seed('clinicians.csv'),
    'emr_events.csv': seed('emr_events.csv'),
    'emr_events_2025-04-01.csv': LATE,
  });
  await runPipeline(full);
  const expected = await queryLake(full, ALL_SESSIONS);
  assert.deepEqual(await queryLake(incremental, ALL_SESSIONS), expected);
  const s101 = expected.filter((r) => r.clinician_id === 101);
  assert.equal(s101.length, 1, 'the late event merged 101’s two sessions');
  assert.equal(s101[0]!.event_count, 10);
  await runPipeline(incremental, 'sessions', '--full-refresh');
  assert.deepEqual(await queryLake(incremental, ALL_SESSIONS), expected);
  const dupes = await queryLake(
    incremental,
    "SELECT count(*) AS n FROM lh_silver.dbo.quarantine WHERE _reject_reason = 'duplicate'",
  );
  assert.deepEqual(dupes, [{ n: 1 }]);
});
