import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyRunSummary } from '../../src/pipeline/run-summary.js';
import { describeBatch, formatBatchRecord } from '../../src/pipeline/watch/batch-record.js';
import { settleLandingFiles, waitsForDelivery } from '../../src/pipeline/watch/settle-landing-files.js';

test('a file counts once unchanged for the settle time, or already that old; a growing file waits', () => {
  const first = settleLandingFiles(
    new Map(),
    new Map([
      ['emr_events_1.csv', { size: 10, mtimeMs: 9_500 }],
      ['emr_events_2.csv', { size: 5, mtimeMs: 1_000 }],
    ]),
    10_000,
    1_000,
  );
  assert.deepEqual(first.ready, ['emr_events_2.csv'], 'the old one (renamed in, or there at start) is ready');
  assert.equal(first.waitMs, 500);
  const growing = settleLandingFiles(
    first.sightings,
    new Map([
      ['emr_events_1.csv', { size: 20, mtimeMs: 10_400 }],
      ['emr_events_2.csv', { size: 5, mtimeMs: 1_000 }],
    ]),
    10_500,
    1_000,
  );
  assert.deepEqual(growing.ready, ['emr_events_2.csv']);
  assert.equal(growing.waitMs, 900);
  const still = settleLandingFiles(
    growing.sightings,
    new Map([['emr_events_1.csv', { size: 20, mtimeMs: 10_400 }]]),
    11_500,
    1_000,
  );
  assert.deepEqual(still.ready, ['emr_events_1.csv'], 'unchanged for 1 s since 10.5 s');
  assert.equal(still.waitMs, undefined);
  assert.deepEqual([...still.sightings.keys()], ['emr_events_1.csv'], 'a removed file is forgotten');
});

test('a batch record reconciles rows in = loaded + quarantined over the files it ingested and names the changed tables', () => {
  const summary = emptyRunSummary();
  summary.files.push(
    {
      table: 'bronze_emr_events',
      file: 'emr_events_2.csv',
      status: 'ingested',
      rowsIn: 5,
      loaded: 3,
      quarantined: { invalid_timestamp: 2 },
    },
    {
      table: 'bronze_emr_events',
      file: 'emr_events.csv',
      status: 'already ingested',
      rowsIn: 0,
      loaded: 0,
      quarantined: {},
    },
  );
  summary.rejected.push({ table: 'lh_silver.dbo.emr_events', reason: 'duplicate', rows: 1 });
  summary.tables.push(
    { table: 'lh_bronze.dbo.bronze_emr_events', rows: 30, version: 4 },
    { table: 'lh_silver.dbo.clinician_dim', rows: 4, version: 1 },
  );
  const record = describeBatch({
    batch: 2,
    batchId: 'b',
    startedAt: new Date('2026-12-07T00:00:00Z'),
    files: ['emr_events_2.csv', 'emr_events.csv'],
    summary,
    before: new Map([
      ['lh_bronze.dbo.bronze_emr_events', 3],
      ['lh_silver.dbo.clinician_dim', 1],
    ]),
    errors: 0,
    alertsFired: 1,
    ms: 812.4,
    committedMs: 500.2,
  });
  assert.deepEqual(
    { ...record, batch_id: undefined },
    {
      event: 'batch',
      batch: 2,
      batch_id: undefined,
      started_at: '2026-12-07T00:00:00.000Z',
      files: ['emr_events.csv', 'emr_events_2.csv'],
      files_ingested: ['emr_events_2.csv'],
      rows_in: 5,
      rows_loaded: 3,
      rows_quarantined: 2,
      quarantined_by_reason: { invalid_timestamp: 2 },
      refused_after_bronze: 1,
      tables_changed: ['lh_bronze.dbo.bronze_emr_events'],
      expectation_errors: 0,
      alerts_fired: 1,
      duration_ms: 812,
      committed_ms: 500,
      sessions_ms: null,
      ed_metrics_ms: null,
    },
  );
  summary.tables.push({ table: 'lh_gold.dbo.clinician_emr_sessions', rows: 9, version: 7 });
  const withSessions = {
    batch: 2,
    batchId: 'b',
    startedAt: new Date(0),
    files: [],
    summary,
    errors: 0,
    alertsFired: 0,
    ms: 812.4,
    committedMs: 500.2,
  };
  assert.equal(
    describeBatch({
      ...withSessions,
      before: new Map([['lh_gold.dbo.clinician_emr_sessions', 6]]),
      sessionsMs: 300.4,
    }).sessions_ms,
    300,
    'the sessions changed: when their commit was done',
  );
  assert.equal(
    describeBatch({
      ...withSessions,
      before: new Map([['lh_gold.dbo.clinician_emr_sessions', 7]]),
      sessionsMs: 300.4,
    }).sessions_ms,
    null,
    'the sessions step ran without a new version',
  );
  summary.tables.push({ table: 'lh_gold.dbo.gold_healthcare_ed_metrics', rows: 3, version: 2 });
  assert.equal(
    describeBatch({
      ...withSessions,
      before: new Map([['lh_gold.dbo.gold_healthcare_ed_metrics', 1]]),
      edMetricsMs: 2100.6,
    }).ed_metrics_ms,
    2101,
    'the ED metrics changed: when their commit was done',
  );
  assert.equal(formatBatchRecord({ ...record, within: 7 }).slice(0, 29), 'batch 2 (during batch 7): 2 f');
  assert.equal(
    formatBatchRecord(record),
    'batch 2: 2 files (emr_events.csv, emr_events_2.csv), 1 already ingested, rows in 5 = 3 loaded + 2 quarantined (invalid_timestamp 2), 1 refused after bronze, 1 table changed (bronze_emr_events), 1 alert(s) fired, 812 ms',
  );
});

test('files delivered together wait for each other; a stream, a slow writer and a long burst do not hold files back', () => {
  const settle = 100;
  const look = (listing: [string, number][], nowMs: number) =>
    settleLandingFiles(
      new Map(),
      new Map(listing.map(([name, mtimeMs]) => [name, { size: 1, mtimeMs }])),
      nowMs,
      settle,
    );
  // 30 files copied over 17 ms; the watcher looked 100 ms after the first: 10 ready, 20 not.
  const delivery = Array.from({ length: 30 }, (_, i): [string, number] => [
    `emr_${i}.parquet`,
    1_000 + i * 0.6,
  ]);
  const midway = look(delivery, 1_106);
  assert.ok(midway.ready.length > 0 && midway.ready.length < 30);
  assert.equal(waitsForDelivery(midway, midway.ready, 1_106, settle), true);
  const after = look(delivery, 1_120);
  assert.equal(after.ready.length, 30);
  assert.equal(waitsForDelivery(after, after.ready, 1_120, settle), false, 'all settled: run');

  const stream = look(
    [
      ['emr_1.parquet', 1_000],
      ['emr_2.parquet', 3_000],
    ],
    3_050,
  );
  assert.deepEqual(stream.ready, ['emr_1.parquet']);
  assert.equal(waitsForDelivery(stream, stream.ready, 3_050, settle), false, 'files 2 s apart: no wait');

  // Files 200 ms apart, each within the burst of the one before: the first is not held for ever.
  const steady = (nowMs: number) =>
    look(
      [
        ['emr_1.parquet', 1_000],
        ['emr_2.parquet', 1_200],
        ['emr_3.parquet', 1_400],
      ],
      nowMs,
    );
  const early = steady(1_420);
  assert.deepEqual(early.ready, ['emr_1.parquet', 'emr_2.parquet']);
  assert.equal(waitsForDelivery(early, early.ready, 1_420, settle), true, 'emr_3 came 200 ms after emr_2');
  const late = steady(1_460);
  assert.equal(
    waitsForDelivery(late, late.ready, 1_460, settle),
    false,
    'emr_1 has been ready a settle time and a burst: it runs',
  );
  assert.equal(
    waitsForDelivery(look([['emr_1.parquet', 1_000]], 1_200), ['emr_1.parquet'], 1_200, settle),
    false,
  );
});
