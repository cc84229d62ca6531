import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DuckDbDatabase } from '../../src/engine/duckdb/duckdb-database.js';
import { eventFields } from '../../src/generate/datasets/event-fields.js';
import { LANDING_DATASETS, type LandingDataset } from '../../src/generate/datasets/landing-schemas.js';
import { CLAIM_ID, claimId } from '../../src/generate/datasets/record-ids.js';
import { buildRoster } from '../../src/generate/emr/clinician.js';
import { EmrEventsParquetFile } from '../../src/generate/emr/emr-events-parquet-file.js';
import { eventBatch } from '../../src/generate/emr/event-batch.js';
import { EventColumns } from '../../src/generate/emr/event-columns.js';
import { drawMetadata } from '../../src/generate/emr/event-metadata.js';
import { eventTypeCode } from '../../src/generate/emr/event-types.js';
import { mergeByTime } from '../../src/generate/emr/merge-by-time.js';
import { sortedByTime } from '../../src/generate/emr/sorted-by-time.js';
import { daysFromCivil } from '../../src/generate/output/landing-text-value.js';
import { ParquetDatasetFile } from '../../src/generate/output/parquet-dataset-file.js';
import { SequentialIdBytes } from '../../src/generate/output/sequential-id-bytes.js';
import { GrowableBytes } from '../../src/generate/parquet/growable-bytes.js';
import { deriveStream } from '../../src/generate/random/derive-stream.js';
import { tempDir } from '../helpers/temp-dir.js';
import { generateSample } from './support/generate-sample.js';

const db = await DuckDbDatabase.open({ threads: 1 });
after(() => db.close());

const ALL_TYPES: LandingDataset = {
  name: 'claims',
  key: 'k',
  columns: [
    { name: 'k', type: 'VARCHAR', required: true },
    { name: 'n', type: 'INTEGER', required: false },
    { name: 'b', type: 'BOOLEAN', required: false },
    { name: 'x', type: 'DOUBLE', required: false },
    { name: 'amt', type: 'DECIMAL(12,2)', required: false },
    { name: 'd', type: 'DATE', required: false },
    { name: 'ts', type: 'TIMESTAMPTZ', required: false },
    { name: 's', type: 'VARCHAR', required: false, few: true },
  ],
};

describe('the Parquet writer', () => {
  test('every landing type, nulls and dictionary-encoded text read back as written, across row groups', async () => {
    const path = join(tempDir('parquet-'), 'all.parquet');
    const file = new ParquetDatasetFile(path, ALL_TYPES, 4);
    const rows: string[][] = [];
    for (let i = 0; i < 11; i++) {
      const row = [
        `K${i}`,
        i % 3 === 0 ? '' : String(i * 1000 - 5000),
        i % 4 === 0 ? '' : i % 2 === 0 ? 'true' : 'false',
        i === 5 ? '' : String(i / 8),
        i === 7 ? '' : `${i - 6}.0${i % 10}`,
        i === 2 ? '' : `20${10 + i}-02-2${i % 9}`,
        i === 9 ? '' : `1969-12-31 23:59:5${i % 10}`,
        i % 5 === 0 ? '' : i < 8 ? 'same' : `v${i % 2}`,
      ];
      rows.push(row);
      assert.equal(file.row(row), i);
    }
    file.close();
    const read = await db.readRows(
      `SELECT k, n::VARCHAR AS n, b::VARCHAR AS b, x, amt::VARCHAR AS amt,
        strftime(d, '%Y-%m-%d') AS d, strftime(timezone('UTC', ts), '%Y-%m-%d %H:%M:%S') AS ts, s
       FROM read_parquet($1)`,
      [path],
    );
    const expected = rows.map((r) => ({
      k: r[0],
      n: r[1] || null,
      b: r[2] || null,
      x: r[3] === '' ? null : Number(r[3]),
      amt: r[4] === '' ? null : Number(r[4]).toFixed(2),
      d: r[5] || null,
      ts: r[6] || null,
      s: r[7] || null,
    }));
    assert.deepEqual(read, expected);
    const groups = await db.readRows('SELECT count(DISTINCT row_group_id) AS n FROM parquet_metadata($1)', [
      path,
    ]);
    assert.equal(Number(groups[0]!.n), 3);
  });

  test('sequential ids written as bytes equal the formatted ids, also when a seq does not follow on', async () => {
    const path = join(tempDir('parquet-'), 'ids.parquet');
    const file = new ParquetDatasetFile(path, ALL_TYPES, 4);
    const seqs = [0, 1, 2, 8, 9, 998, 999, 1000, 5, 9_999_999];
    for (const seq of seqs) {
      file.sequentialId(0, CLAIM_ID.prefix, CLAIM_ID.digits, seq);
      for (let i = 1; i < ALL_TYPES.columns.length; i++) file.nul(i);
      file.endRow();
    }
    file.close();
    const read = await db.readRows('SELECT k FROM read_parquet($1)', [path]);
    assert.deepEqual(
      read.map((r) => r.k),
      seqs.map((seq) => claimId(seq)),
    );
  });

  test('ids written many at a time are the bytes of writing them one by one, across carries and wrap-around', () => {
    for (const [digits, first, counts] of [
      [10, 0, [1, 9, 10, 11, 25, 1000]],
      [10, 993, [3, 4, 20, 7, 10, 10, 31]],
      [3, 985, [40]],
      [2, 88, [5, 10, 10, 3]],
    ] as const) {
      const one = new SequentialIdBytes('EVT', digits, first);
      const many = new SequentialIdBytes('EVT', digits, first);
      const a = new GrowableBytes(16);
      const b = new GrowableBytes(16);
      for (const count of counts) {
        for (let k = 0; k < count; k++) one.writeNext(a);
        many.writeMany(b, count);
        assert.deepEqual(b.view(), a.view(), `digits ${digits}, from ${first}, counts ${counts}`);
      }
    }
  });

  test('a row with the wrong number of fields is refused (Parquet has a schema)', () => {
    const file = new ParquetDatasetFile(join(tempDir('parquet-'), 'bad.parquet'), ALL_TYPES);
    assert.throws(() => file.row(['K1']), /needs 8 fields, got 1/);
    file.close();
  });

  test('dates convert like the calendar', () => {
    for (const [y, m, d] of [
      [1970, 1, 1],
      [2000, 2, 29],
      [2025, 3, 31],
      [1969, 12, 31],
      [2100, 3, 1],
    ] as const) {
      assert.equal(daysFromCivil(y, m, d), Date.UTC(y, m - 1, d) / 86_400_000);
    }
  });

  test('generated Parquet and CSV carry exactly the same values', async () => {
    const parquet = await generateSample({ format: 'parquet' });
    const csv = await generateSample({ format: 'csv' });
    for (const dataset of Object.values(LANDING_DATASETS)) {
      const columns = dataset.columns.map((c) => `'${c.name}': '${c.type}'`).join(', ');
      const [diff] = await db.readRows(
        `WITH p AS (SELECT * FROM read_parquet($1)),
              c AS (SELECT * FROM read_csv($2, header = true, quote = '', escape = '', auto_detect = false, columns = {${columns}}))
         SELECT (SELECT count(*) FROM p) AS p, (SELECT count(*) FROM c) AS c,
                (SELECT count(*) FROM (SELECT * FROM p EXCEPT ALL SELECT * FROM c)) AS only_p,
                (SELECT count(*) FROM (SELECT * FROM c EXCEPT ALL SELECT * FROM p)) AS only_c`,
        [join(parquet.dir, `${dataset.name}.parquet`), join(csv.dir, `${dataset.name}.csv`)],
      );
      assert.deepEqual(
        { p: Number(diff!.p), onlyP: Number(diff!.only_p), onlyC: Number(diff!.only_c) },
        { p: Number(diff!.c), onlyP: 0, onlyC: 0 },
        dataset.name,
      );
    }
  });
});

describe('the EMR events fast path', () => {
  test('a day is sorted by time, ties kept in array order, whatever the span of its times', () => {
    for (const spread of [600, 50_000_000]) {
      const events = new EventColumns(4);
      const rng = deriveStream(3, 'sort');
      for (let i = 0; i < 5_000; i++) events.push(1_743_400_000 + rng.int(spread), i, i % 7, i, i * 8);
      const sorted = sortedByTime(events);
      assert.equal(sorted.length, events.length);
      const expected = [...Array(events.length).keys()].sort(
        (a, b) => events.ts[a]! - events.ts[b]! || a - b,
      );
      assert.deepEqual([...sorted.clinician.subarray(0, sorted.length)], expected);
      for (let k = 0; k < sorted.length; k++) {
        const i = expected[k]!;
        assert.equal(sorted.ts[k], events.ts[i]);
        assert.equal(sorted.type[k], events.type[i]);
        assert.equal(sorted.metadata[k], events.metadata[i]);
        assert.equal(sorted.patient[k], events.patient[i]);
      }
    }
  });

  test('a carried-over tail merges with a day as a stable sort of both would order them, its patients re-pointed', () => {
    const rng = deriveStream(5, 'merge');
    const tail = new EventColumns(2);
    tail.table = ['p-a', 'p-b', 'p-gone'];
    // Dense early, then a few events hours into the day, between long runs of the day's events.
    for (let i = 0; i < 300; i++) tail.push(1_000 + rng.int(3_600), i, 1, i % 4 === 3 ? -1 : i % 3, 10 + i);
    for (let i = 0; i < 5; i++) tail.push(40_000 + 7_000 * i, 300 + i, 1, 2, 310 + i);
    const tailSorted = sortedByTime(tail);
    const day = new EventColumns(2);
    day.table = ['p-c', 'p-b'];
    for (let i = 0; i < 4_000; i++) day.push(3_000 + rng.int(80_000), 1_000 + i, 2, i % 2, 5_000 + i);
    const daySorted = sortedByTime(day);
    const count = 3_500;
    const merged = mergeByTime(tailSorted, daySorted, count);
    // The day's pseudonyms keep their slots; the tail's missing ones are appended once each.
    assert.deepEqual(daySorted.table.slice(0, 2), ['p-c', 'p-b']);
    assert.deepEqual(daySorted.table.slice(2).sort(), ['p-a', 'p-gone']);
    assert.equal(merged.table, daySorted.table);
    // Reference: a stable sort of the tail followed by the day's first `count` events.
    const both = [
      ...[...Array(tailSorted.length).keys()].map((i) => ({ from: tailSorted, i })),
      ...[...Array(count).keys()].map((i) => ({ from: daySorted, i })),
    ].sort((x, y) => x.from.ts[x.i]! - y.from.ts[y.i]!);
    assert.equal(merged.length, both.length);
    both.forEach(({ from, i }, k) => {
      assert.equal(merged.ts[k], from.ts[i]);
      assert.equal(merged.clinician[k], from.clinician[i]);
      assert.equal(merged.metadata[k], from.metadata[i]);
      const p = from.patient[i]!;
      assert.equal(p < 0 ? null : merged.table[merged.patient[k]!], p < 0 ? null : from.table[p]);
    });
  });

  test('writes the same rows as the text path, across row groups, with and without an order', async () => {
    const roster = buildRoster(deriveStream(1, 'clinicians'), 8, {}, [0.2, 0.2, 0.2, 0.2, 0.1, 0.1]);
    const events = new EventColumns();
    events.table = ['a'.repeat(64), 'b'.repeat(64)];
    const types = ['LOGIN', 'OPEN_CHART', 'SIGN_NOTE', 'ADD_NOTE', 'LOGOUT'].map(eventTypeCode);
    const rng = deriveStream(1, 'test');
    for (let i = 0; i < 23; i++) {
      const type = types[i % types.length]!;
      events.push(
        1_743_400_000 + i * 7,
        i % 8,
        type,
        i % 3 === 2 ? -1 : i % 2,
        drawMetadata(rng, type, i, i % 8),
      );
    }
    const order = Int32Array.from({ length: 23 }, (_, i) => 22 - i);
    const dir = tempDir('emr-fast-');
    const small = new EmrEventsParquetFile(join(dir, 'small.parquet'), roster, 4);
    small.write(events, order, 0, 10);
    small.write(events, order, 10, 23);
    small.close();
    const inOrder = new EventColumns(4);
    inOrder.table = events.table;
    for (const i of order) inOrder.copy(events, i, events.patient[i]!);
    const batch = eventBatch(inOrder, 23);
    const big = new EmrEventsParquetFile(join(dir, 'big.parquet'), roster);
    big.write(batch, undefined, 0, batch.length);
    big.close();
    const expected = [...order].map((i, seq) => eventFields(seq, events, i, roster).map((f) => f || null));
    for (const name of ['small.parquet', 'big.parquet']) {
      const rows = await db.readRows(
        `SELECT event_id, clinician_id::VARCHAR AS c, strftime(timezone('UTC', event_timestamp), '%Y-%m-%d %H:%M:%S') AS t,
           event_type, patient_id, metadata FROM read_parquet($1)`,
        [join(dir, name)],
      );
      assert.deepEqual(
        rows.map((r) => Object.values(r)),
        expected,
        name,
      );
    }
  });
});
