import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { AddFile } from '../../src/delta/actions.js';
import { Rng } from '../../src/generate/random/rng.js';
import { readLake } from '../../src/lakehouse/read-lake.js';
import { exposeLatest, lakeTable, prepareCatalogs, type RunContext } from '../../src/pipeline/run-context.js';
import { emptyRunSummary } from '../../src/pipeline/run-summary.js';
import { buildSessionSummary } from '../../src/pipeline/sessions/build-session-summary.js';
import { buildSessionTails } from '../../src/pipeline/sessions/build-session-tails.js';
import { filesHoldingTails } from '../../src/pipeline/sessions/files-holding-tails.js';
import { planSessionBuckets } from '../../src/pipeline/sessions/plan-session-buckets.js';
import { runSessionsPipeline } from '../../src/pipeline/sessions/run-sessions-pipeline.js';
import { openTestEngine } from '../helpers/open-test-engine.js';
import {
  addLandingFile,
  makePipelineLake,
  queryLake,
  runPipeline,
  SEED_FIXTURES,
} from '../helpers/pipeline-lake.js';

// A tail recomputation rewrites only the sessions files that may hold a replaced session
// (file-level copy-on-write): the others stay in the table untouched, and the table always
// equals a full recomputation over the same events.

const HEADER = 'event_id,clinician_id,event_timestamp,event_type,patient_id,metadata\n';
const CLINICIANS = readFileSync(join(SEED_FIXTURES, 'clinicians.csv'), 'utf8');
const ALL_SESSIONS = 'SELECT * FROM clinician_emr_sessions ORDER BY session_id';
const SUMMARY = 'SELECT * FROM gold_clinician_session_summary ORDER BY session_date, clinician_role';

/** Events of clinicians 101-104 between two hours of a day, gaps of 1-45 minutes. */
function events(tag: string, fromHour: number, toHour: number, seed: number, day = '2025-03-31'): string {
  const rng = new Rng([seed, 5, 8, 1]);
  const rows: string[] = [];
  for (const clinician of [101, 102, 103, 104]) {
    for (
      let minute = fromHour * 60 + rng.int(10), i = 0;
      minute < toHour * 60;
      minute += 1 + rng.int(45), i++
    ) {
      const t = `${day} ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;
      rows.push(`${tag}${clinician}_${i},${clinician},${t},OPEN_CHART,PAT${i % 5},{}`);
    }
  }
  return HEADER + rows.join('\n');
}

function stats(file: AddFile, numRecords: number, maxStart?: string): AddFile {
  return {
    ...file,
    stats: JSON.stringify({ numRecords, maxValues: maxStart ? { session_start_time: maxStart } : {} }),
  };
}

test('the files holding tails: the changed buckets’ files whose latest session starts at or after the instant', () => {
  const base: AddFile = {
    path: 'p',
    partitionValues: { clinician_bucket: '3' },
    size: 1,
    modificationTime: 0,
    dataChange: true,
  };
  const at = Date.parse('2025-03-31T12:00:00.000Z') * 1000;
  const files = [
    stats({ ...base, path: 'old' }, 9, '2025-03-31T11:59:59.998Z'),
    stats({ ...base, path: 'same-ms' }, 9, '2025-03-31T11:59:59.999Z'),
    stats({ ...base, path: 'recent' }, 9, '2025-03-31T12:30:00.000Z'),
    stats({ ...base, path: 'no-stats' }, 9),
    { ...base, path: 'unreadable', stats: '{' },
    stats(
      { ...base, path: 'other-bucket', partitionValues: { clinician_bucket: '4' } },
      9,
      '2025-04-01T00:00:00.000Z',
    ),
  ];
  assert.deepEqual(
    filesHoldingTails(files, new Map([[3, at - 500]]), 0).map((f) => f.path),
    ['same-ms', 'recent', 'no-stats', 'unreadable'],
    'a maximum truncated to its millisecond may hide the microseconds after it',
  );
  assert.deepEqual(
    filesHoldingTails(
      files,
      new Map([
        [3, at],
        [4, at],
      ]),
      0,
    ).map((f) => f.path),
    ['recent', 'no-stats', 'unreadable', 'other-bucket'],
  );
  assert.deepEqual(
    filesHoldingTails(files, new Map([[5, 0]]), 100),
    [],
    'buckets without tails are left alone',
  );
  const later = at + 3_600_000_000;
  const newest = [
    stats({ ...base, path: 'settled' }, 5000, '2025-03-31T10:00:00.000Z'),
    stats({ ...base, path: 'newest' }, 40, '2025-03-31T11:00:00.000Z'),
  ];
  assert.deepEqual(
    filesHoldingTails(newest, new Map([[3, later]]), 100).map((f) => f.path),
    ['newest'],
    'the newest file, while small, takes the new sessions',
  );
  assert.deepEqual(filesHoldingTails(newest, new Map([[3, later]]), 40), [], 'not once it is full');
});

test('a tail rewrite replaces only the files holding tails, leaves the others in place and equals a full recomputation', {
  timeout: 300_000,
}, async () => {
  const feeds = [
    // The day before: summary groups no later batch touches.
    {
      name: 'emr_events_1.csv',
      text: `${events('A', 6, 12, 1)}\n${events('Z', 6, 9, 9, '2025-03-30').slice(HEADER.length)}`,
    },
    { name: 'emr_events_2.csv', text: events('B', 12, 14, 2) },
    { name: 'emr_events_3.csv', text: events('C', 14, 16, 3) },
    // Late events: inside the first file's hours, so settled files are rewritten too.
    { name: 'emr_events_4.csv', text: events('D', 8, 9, 4) },
  ];
  const lake = await makePipelineLake({ 'clinicians.csv': CLINICIANS, [feeds[0]!.name]: feeds[0]!.text });
  await runPipeline(lake, 'sessions');
  const engine = await openTestEngine();
  const ctx: RunContext = {
    engine,
    lake: await readLake(lake),
    batchId: 'test',
    startedAt: new Date('2026-01-01T00:00:00Z'),
    fullRefresh: false,
    summary: emptyRunSummary(),
    log: () => {},
  };
  await prepareCatalogs(ctx);
  const sessions = lakeTable(ctx, 'lh_gold', 'clinician_emr_sessions');
  for (const [i, feed] of feeds.slice(1).entries()) {
    addLandingFile(lake, feed.name, feed.text);
    await runSessionsPipeline(ctx, { bronze: true, silver: true, gold: false });
    const before = await sessions.readSnapshot();
    const eventsNow = (await exposeLatest(ctx, 'lh_silver', 'emr_events'))!;
    const dim = (await exposeLatest(ctx, 'lh_silver', 'clinician_dim'))!;
    const plan = await planSessionBuckets(ctx, eventsNow, dim);
    assert.ok(plan.seenEventFiles, 'silver only gained files');
    assert.equal(await buildSessionTails(ctx, plan, eventsNow, { settleRows: 1 }), true);
    await buildSessionSummary(ctx);
    assert.match(
      ctx.summary.steps.at(-1)!.detail,
      /group\(s\) recomputed/,
      'the summary was updated in place',
    );
    const after = await sessions.readSnapshot();
    const live = new Set(after.files.map((f) => f.path));
    const kept = before.files.filter((f) => live.has(f.path));
    const removed = before.files.filter((f) => !live.has(f.path));
    assert.ok(removed.length > 0, `batch ${i + 2} rewrote something`);
    for (const f of kept) {
      const same = after.files.find((g) => g.path === f.path)!;
      assert.deepEqual(same, f, 'an untouched file is the same add action, not a copy');
    }
    if (feed.name === 'emr_events_3.csv') {
      // After batch 2 settled the first hours into files of their own, batch 3 (later events)
      // leaves them in place and rewrites only each bucket's recent file.
      assert.ok(kept.length > 0, 'settled files stay in place');
    }
    if (feed.name === 'emr_events_4.csv')
      assert.ok(removed.length > plan.buckets.length, 'late events rewrite the settled files too');

    const full = await makePipelineLake({
      'clinicians.csv': CLINICIANS,
      ...Object.fromEntries(feeds.slice(0, i + 2).map((f) => [f.name, f.text])),
    });
    await runPipeline(full, 'sessions');
    assert.deepEqual(
      await queryLake(lake, ALL_SESSIONS),
      await queryLake(full, ALL_SESSIONS),
      `after batch ${i + 2} the table equals a full recomputation`,
    );
    assert.deepEqual(
      await queryLake(lake, SUMMARY),
      await queryLake(full, SUMMARY),
      `after batch ${i + 2} the summary too`,
    );
  }
});
