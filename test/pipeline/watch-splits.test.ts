import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Rng } from '../../src/generate/random/rng.js';
import { readLake } from '../../src/lakehouse/read-lake.js';
import { runWatchBatch } from '../../src/pipeline/watch/run-watch-batch.js';
import { openTestEngine } from '../helpers/open-test-engine.js';
import {
  addLandingFile,
  makePipelineLake,
  queryLake,
  runPipeline,
  SEED_FIXTURES,
} from '../helpers/pipeline-lake.js';
import { readLakeFingerprint } from '../helpers/read-lake-fingerprint.js';
import { runCliCaptured } from '../helpers/run-cli.js';

// The same EMR events, fed as 20 random micro-batch splits (random files, random batches, late
// events everywhere: each file holds events from all over the day), always give the gold tables
// of one run over all of them. Batches run through runWatchBatch, what `carelake watch` runs.

const HEADER = 'event_id,clinician_id,event_timestamp,event_type,patient_id,metadata\n';
const CLINICIANS = readFileSync(join(SEED_FIXTURES, 'clinicians.csv'), 'utf8');

/** 160 events of four clinicians on one day, gaps of 1-45 minutes (around every role threshold), two bad rows. */
function events(): string[] {
  const rng = new Rng([17, 4, 2025, 3]);
  const rows: string[] = [];
  for (const clinician of [101, 102, 103, 104]) {
    let minute = 6 * 60;
    for (let i = 0; i < 40; i++) {
      minute += 1 + rng.int(45);
      const t = `2025-03-31 ${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;
      rows.push(`E${clinician}_${i},${clinician},${t},OPEN_CHART,PAT${i % 7},{}`);
    }
  }
  rows.push('EBAD_1,101,not a time,OPEN_CHART,,{}', 'EBAD_2,,2025-03-31 09:00:00,LOGIN,,{}');
  return rows;
}

function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** `n` non-empty consecutive parts of `items`, cut at random places. */
function cut<T>(items: readonly T[], n: number, rng: Rng): T[][] {
  const cuts = new Set<number>();
  while (cuts.size < n - 1) cuts.add(1 + rng.int(items.length - 1));
  const at = [0, ...[...cuts].sort((a, b) => a - b), items.length];
  return at.slice(1).map((end, i) => items.slice(at[i]!, end));
}

const gold = (fingerprint: Record<string, string>) =>
  Object.fromEntries(Object.entries(fingerprint).filter(([t]) => t.startsWith('lh_gold.')));

test('20 random micro-batch splits of the same events give the gold tables of one run over all of them', {
  timeout: 900_000,
}, async () => {
  const all = events();
  const oneShot = await makePipelineLake({
    'clinicians.csv': CLINICIANS,
    'emr_events.csv': HEADER + all.join('\n'),
  });
  await runPipeline(oneShot, 'sessions');
  const expected = gold(await readLakeFingerprint(oneShot));
  assert.match(expected['lh_gold.clinician_emr_sessions']!, /^\d+ rows/);
  const engine = await openTestEngine();
  for (let split = 0; split < 20; split++) {
    const rng = new Rng([split, 99, 7, 1]);
    const files = cut(shuffle(all, rng), 3 + rng.int(5), rng).map((rows, i) => ({
      name: `emr_events_${String(i).padStart(2, '0')}.csv`,
      text: HEADER + rows.join('\n'),
    }));
    const batches = cut(files, 1 + rng.int(Math.min(4, files.length)), rng);
    const lake = await makePipelineLake({});
    addLandingFile(lake, 'clinicians.csv', CLINICIANS);
    const opened = await readLake(lake);
    for (const [i, batch] of batches.entries()) {
      for (const f of batch) addLandingFile(lake, f.name, f.text);
      const names = new Set(batch.map((f) => f.name));
      if (i === 0) names.add('clinicians.csv');
      const record = await runWatchBatch({
        engine,
        lake: opened,
        batch: i + 1,
        files: names,
        now: () => new Date(),
        target: 'sessions',
        log: () => {},
      });
      assert.equal(record.rows_in, record.rows_loaded + record.rows_quarantined);
      assert.deepEqual(record.files_ingested, [...names].sort());
    }
    const layout = `${files.length} files in ${batches.length} batch(es): ${batches.map((b) => b.length).join('+')}`;
    assert.deepEqual(gold(await readLakeFingerprint(lake)), expected, `split ${split}: ${layout}`);
  }
});

test('only the tails are recomputed: earlier sessions are kept, the tail renumbered and split as one run does', async () => {
  const day = (t: string, id: string, c = 101) => `${id},${c},2025-03-31 ${t},OPEN_CHART,,{}`;
  const first = [
    day('08:00:00', 'A1'),
    day('08:10:00', 'A2'),
    day('10:00:00', 'A3'),
    day('12:00:00', 'A4'),
    day('09:00:00', 'B1', 102),
  ];
  const batches = [
    [day('12:10:00', 'A5'), day('14:00:00', 'A6')], // extends the third session, opens a fourth
    [day('10:20:00', 'A7'), day('10:40:00', 'A8')], // late: grows the second session (10:40 to 12:00 stays a gap)
    [day('07:59:00', 'A9')], // late: before everything, the clinician's first event
  ];
  const oneShot = async (rows: string[]) => {
    const l = await makePipelineLake({
      'clinicians.csv': CLINICIANS,
      'emr_events.csv': HEADER + rows.join('\n'),
    });
    await runPipeline(l, 'sessions');
    return gold(await readLakeFingerprint(l));
  };
  const lake = await makePipelineLake({
    'clinicians.csv': CLINICIANS,
    'emr_events_0.csv': HEADER + first.join('\n'),
  });
  await runPipeline(lake, 'sessions');
  const engine = await openTestEngine();
  const opened = await readLake(lake);
  const steps: string[] = [];
  for (const [i, rows] of batches.entries()) {
    addLandingFile(lake, `emr_events_${i + 1}.csv`, HEADER + rows.join('\n'));
    const record = await runWatchBatch({
      engine,
      lake: opened,
      batch: i + 1,
      files: new Set([`emr_events_${i + 1}.csv`]),
      now: () => new Date(),
      target: 'sessions',
      log: () => {},
    });
    assert.ok(record.tables_changed.includes('lh_gold.dbo.clinician_emr_sessions'));
    const out = await runCliCaptured([
      'table',
      'history',
      'clinician_emr_sessions',
      '--lake',
      lake,
      '--json',
    ]);
    steps.push(JSON.parse(out.stdout)[0].operationParameters.predicate);
    const expected = await oneShot([...first, ...batches.slice(0, i + 1).flat()]);
    assert.deepEqual(gold(await readLakeFingerprint(lake)), expected, `after batch ${i + 1}`);
  }
  assert.deepEqual(
    steps,
    Array(3).fill(JSON.stringify({ clinician_bucket: ['5'] })),
    'only clinician 101’s bucket',
  );
  assert.deepEqual(
    await queryLake(
      lake,
      'SELECT session_id, event_count, split_cause FROM clinician_emr_sessions WHERE clinician_id = 101 ORDER BY 1',
    ),
    [
      { session_id: '101_S1', event_count: 3, split_cause: 'first' },
      { session_id: '101_S2', event_count: 3, split_cause: 'inactivity' },
      { session_id: '101_S3', event_count: 2, split_cause: 'inactivity' },
      { session_id: '101_S4', event_count: 1, split_cause: 'inactivity' },
    ],
  );
});
