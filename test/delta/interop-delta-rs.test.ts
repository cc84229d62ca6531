import assert from 'node:assert/strict';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { DeltaTable } from '../../src/delta/delta-table.js';
import { commitFileName } from '../../src/delta/log-file-names.js';
import { optimizeTable } from '../../src/delta/optimize-table.js';
import { parseCommit } from '../../src/delta/parse-commit.js';
import { restoreTable } from '../../src/delta/restore-table.js';
import { field, serializeSchema } from '../../src/delta/schema.js';
import { vacuumTable } from '../../src/delta/vacuum-table.js';
import { type WriteRequest, writeTable } from '../../src/delta/write-table.js';
import { openTestEngine } from '../helpers/open-test-engine.js';
import { tempDir } from '../helpers/temp-dir.js';
import { canonicalObjects, canonicalRows, canonicalRowTexts } from './support/canonical-rows.js';
import { assertSameAsDeltaRs } from './support/delta-rs-compare.js';
import { type DeltaRsReadRequest, readWithDeltaRs, runPython } from './support/run-python.js';
import { writeCheckpointedTable } from './support/write-checkpointed-table.js';

// Interop with delta-rs (Python `deltalake`, installed by scripts/setup-python.sh), both ways.
// Every kind of table carelake writes is read back by delta-rs and compared row by row and type
// by type; tables delta-rs writes are read by carelake and compared with what delta-rs reads.

// A clock that moves one second per reading: commit timestamps are distinct and a vacuum with
// retention 0 deterministically sees every earlier tombstone as expired.
let clock = Date.UTC(2024, 0, 1);
const engine = await openTestEngine({ now: () => (clock += 1000) });
const root = tempDir('carelake-interop-');

const ALL_TYPES = `
  SELECT c1::BIGINT AS id, c2::INTEGER AS i, c3::DOUBLE AS d, c4::VARCHAR AS s, c5::BOOLEAN AS b,
         c6::DATE AS dt, c7::TIMESTAMPTZ AS ts, c8::DECIMAL(10,2) AS dec, c9::BIGINT[] AS arr,
         c10::STRUCT(a INTEGER, b VARCHAR) AS st
  FROM (VALUES`;

function query(sql: string, params?: unknown[]): WriteRequest['source'] {
  return params === undefined ? { kind: 'query', sql } : { kind: 'query', sql, params };
}

async function write(table: DeltaTable, sql: string, options: Omit<WriteRequest, 'source'> = {}) {
  return writeTable(table, engine.writer, { source: query(sql), ...options });
}

function versions(upTo: number): number[] {
  return Array.from({ length: upTo + 1 }, (_, v) => v);
}

function commitActions(table: DeltaTable, version: number) {
  return parseCommit(readFileSync(join(table.path, '_delta_log', commitFileName(version)), 'utf8'));
}

/** A kind of table carelake writes, with the versions delta-rs must read as carelake does. */
interface Kind {
  table: DeltaTable;
  versions: number[];
  appIds?: string[];
  /** False where delta-rs's own pruning is wrong (see the schema-evolved builders). */
  probe?: boolean;
}

const kv = 'SELECT c1::BIGINT AS id, c2::VARCHAR AS name FROM (VALUES';
const partRows =
  'SELECT c1::BIGINT AS id, c2::VARCHAR AS p, c3::DATE AS pd, c4::INTEGER AS pi, c5::VARCHAR AS v FROM (VALUES';

/** Builders of every kind of table; each kind is built (and may fail) on its own. */
const builders: Record<string, () => Promise<Kind>> = {
  // Plain: every primitive and nested type, nulls, int64 beyond 2^53, microsecond timestamps.
  async plain() {
    const table = engine.table(join(root, 'plain'), 'plain');
    await write(
      table,
      `${ALL_TYPES}
        (1, 10, 1.5, 'alpha', true, DATE '2024-01-02', TIMESTAMPTZ '2024-01-02 03:04:05.123456+00', 12.50, [1, 2], {'a': 1, 'b': 'x'}),
        (9007199254740993, -2147483648, -0.25, 'Zürich ü 日本', false, DATE '1999-12-31', TIMESTAMPTZ '1999-12-31 23:59:59+00', -1.05, [], {'a': NULL, 'b': NULL}),
        (-9007199254740993, 2147483647, 1e300, '', NULL, DATE '2100-02-28', TIMESTAMPTZ '2100-02-28 12:00:00.000001+00', 99999999.99, [NULL, 3], NULL),
        (4, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
      ) v(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10)`,
    );
    await write(
      table,
      `${ALL_TYPES}
        (5, 5, 2.0, 'quote''s "double"', true, DATE '2024-02-29', TIMESTAMPTZ '2024-02-29 00:00:00+00', 0.01, [9223372036854775807], {'a': 5, 'b': 'five'})
      ) v(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10)`,
    );
    return { table, versions: versions(1) };
  },

  // Partitioned by a string, a date and an int, with special characters, unicode, NULL and ''.
  async partitioned() {
    const table = engine.table(join(root, 'partitioned'), 'partitioned');
    await write(
      table,
      `${partRows}
        (1, 'a/b=c %x', DATE '2024-01-01', 1, 'r1'),
        (2, 'quote''', NULL, NULL, 'r2'),
        (3, 'Zürich', DATE '2024-01-02', 2, 'r3'),
        (4, NULL, DATE '2024-01-01', 3, 'r4'),
        (5, '', NULL, 4, 'r5'),
        (6, 'a b+c?d#e&f:g*h', DATE '2024-01-03', -1, 'r6'),
        (7, '日本', DATE '2024-01-03', 0, 'r7')
      ) v(c1, c2, c3, c4, c5)`,
      { partitionBy: ['p', 'pd', 'pi'] },
    );
    await write(table, `${partRows} (8, 'a/b=c %x', DATE '2024-01-01', 1, 'r8')) v(c1, c2, c3, c4, c5)`);
    await write(
      table,
      `${partRows} (9, 'Zürich', DATE '2024-01-02', 2, 'r9'), (10, 'Zürich', NULL, 5, 'r10')) v(c1, c2, c3, c4, c5)`,
      { mode: 'overwrite', replaceWhere: { p: ['Zürich'] } },
    );
    return { table, versions: versions(2) };
  },

  // Partitioned by a timestamp, a boolean and a decimal (values serialised per the protocol).
  // Decimals are non-negative: delta-rs 1.6.6 misparses a negative decimal partition value
  // ('-1.05' becomes '-1.-5'), which is its bug, not the table's.
  async 'partitioned-typed'() {
    const table = engine.table(join(root, 'partitioned-typed'), 'partitioned-typed');
    await write(
      table,
      `SELECT c1::BIGINT AS id, c2::TIMESTAMPTZ AS ts, c3::BOOLEAN AS flag, c4::DECIMAL(10,2) AS amount FROM (VALUES
        (1, '2024-01-01 08:00:00+00', true, 12.50),
        (2, '2024-01-01 08:00:00.123456+00', false, 0.05),
        (3, NULL, NULL, NULL),
        (4, '1999-12-31 23:59:59+00', true, 0.00)
      ) v(c1, c2, c3, c4)`,
      { partitionBy: ['ts', 'flag', 'amount'] },
    );
    return { table, versions: [0] };
  },

  // Checkpointed: 12 commits (checkpoint at 10), partitioned, with an idempotent-writer txn and,
  // at version 6, a replaceWhere of the null partition (so the checkpoint holds tombstones).
  async checkpointed() {
    const table = engine.table(join(root, 'checkpointed'), 'checkpointed');
    await writeCheckpointedTable(engine, table);
    const logDir = join(table.path, '_delta_log');
    assert.ok(
      existsSync(join(logDir, '00000000000000000010.checkpoint.parquet')),
      'checkpoint at version 10',
    );
    assert.equal(JSON.parse(readFileSync(join(logDir, '_last_checkpoint'), 'utf8')).version, 10);
    return { table, versions: [5, 10, 11], appIds: ['ingest'] };
  },

  // The same table after log clean-up: the commits before the checkpoint are gone, so both
  // readers must take the table from carelake's checkpoint.
  async 'checkpointed-cleaned'() {
    const table = engine.table(join(root, 'checkpointed-cleaned'), 'checkpointed-cleaned');
    const source = join(root, 'checkpointed');
    assert.ok(existsSync(source), 'built after "checkpointed"');
    cpSync(source, table.path, { recursive: true });
    for (let v = 0; v < 10; v++) rmSync(join(table.path, '_delta_log', commitFileName(v)));
    return { table, versions: [10, 11], appIds: ['ingest'] };
  },

  // Optimized: five small appends, compaction (dataChange false), then Z-order by two columns.
  async optimized() {
    return buildOptimized('optimized', []);
  },

  // The same on a partitioned table: compaction and Z-order work partition by partition.
  async 'optimized-partitioned'() {
    return buildOptimized('optimized-partitioned', ['g']);
  },

  // Vacuumed: create, append, overwrite, then vacuum (retention 0) deletes the removed files.
  async vacuumed() {
    const table = engine.table(join(root, 'vacuumed'), 'vacuumed');
    await write(table, `${kv} (1, 'a'), (2, 'b'), (3, 'c')) v(c1, c2)`);
    await write(table, `${kv} (4, 'd'), (5, 'e')) v(c1, c2)`);
    const overwritten = (await table.readSnapshot()).files.map((f) => f.path).sort();
    await write(table, `${kv} (6, 'f'), (7, 'g')) v(c1, c2)`, { mode: 'overwrite' });
    const vacuum = await vacuumTable(table, { retentionHours: 0, allowShortRetention: true });
    assert.deepEqual(vacuum.files, overwritten, 'vacuum deletes exactly the overwritten files');
    const snap = await table.readSnapshot();
    assert.equal(snap.version, 3);
    for (const f of snap.files) assert.ok(existsSync(snap.absolutePath(f)), `live file ${f.path} kept`);
    return { table, versions: [2, 3] };
  },

  // Schema evolution: merge adds nullable columns (old rows read NULL); a later narrow append.
  async evolved() {
    const table = engine.table(join(root, 'evolved'), 'evolved');
    await write(table, `${kv} (1, 'a'), (2, 'b')) v(c1, c2)`);
    await write(table, `SELECT 3::BIGINT AS id, 'c' AS name, 0.5::DOUBLE AS score`, { schemaMode: 'merge' });
    await write(
      table,
      `SELECT 4::BIGINT AS id, 'd' AS name, 1.5::DOUBLE AS score, [7, 8]::BIGINT[] AS tags, DATE '2020-05-06' AS born`,
      { schemaMode: 'merge' },
    );
    await write(table, `SELECT 5::BIGINT AS id, 'e' AS name`, { schemaMode: 'merge' });
    // Not probed: files older than a column have no stats for it, and delta-rs 1.6.6 prunes them
    // from `column IS NULL` (it takes missing stats as "no nulls"), a delta-rs limitation.
    return { table, versions: versions(3), probe: false };
  },

  // Restored: restore to an older version (files re-added), then restore across a schema change.
  async restored() {
    const table = engine.table(join(root, 'restored'), 'restored');
    await write(table, `${kv} (1, 'a'), (2, 'b'), (3, 'c')) v(c1, c2)`);
    await write(table, `${kv} (4, 'd'), (5, 'e')) v(c1, c2)`);
    await write(table, `${kv} (6, 'f'), (7, 'g')) v(c1, c2)`, { mode: 'overwrite' });
    assert.equal((await restoreTable(table, { version: 1 })).version, 3);
    await write(table, `SELECT 8::BIGINT AS id, 'h' AS name, true AS flag`, { schemaMode: 'merge' });
    assert.equal((await restoreTable(table, { version: 0 })).version, 5);
    return { table, versions: versions(5), probe: false }; // schema evolution: see "evolved"
  },
};

async function buildOptimized(name: string, partitionBy: string[]): Promise<Kind> {
  const table = engine.table(join(root, name), name);
  for (let k = 0; k < 5; k++) {
    await write(
      table,
      `SELECT (${k} * 100 + i)::BIGINT AS id, ((i * 7 + ${k}) % 10)::INTEGER AS x, ((i * 3 + ${k}) % 10)::INTEGER AS y,
              CASE WHEN i % 2 = 0 THEN 'even' ELSE NULL END AS g
       FROM range(6) r(i)`,
      { partitionBy },
    );
  }
  const partitions = partitionBy.length === 0 ? 1 : 2;
  assert.equal((await table.readSnapshot()).files.length, 5 * partitions);
  const compaction = await optimizeTable(table, engine.writer);
  assert.equal(compaction.version, 5);
  assert.equal(
    (await table.readSnapshot()).files.length,
    partitions,
    'one file per partition after compaction',
  );
  for (const a of commitActions(table, 5)) {
    if ('add' in a) assert.equal(a.add.dataChange, false, 'compaction adds with dataChange false');
    if ('remove' in a) assert.equal(a.remove.dataChange, false, 'compaction removes with dataChange false');
  }
  const zorder = await optimizeTable(table, engine.writer, { zorderBy: ['x', 'y'] });
  assert.equal(zorder.version, 6);
  return { table, versions: versions(6) };
}

test('delta-rs reads every kind of table carelake writes, with identical rows and types', async (t) => {
  const built = new Map<string, Kind | Error>();
  for (const [kind, build] of Object.entries(builders)) {
    try {
      built.set(kind, await build());
    } catch (error) {
      built.set(kind, error as Error);
    }
  }
  const requests: (DeltaRsReadRequest & { kind: string })[] = [];
  for (const [kind, k] of built) {
    if (k instanceof Error) continue;
    for (const version of k.versions)
      requests.push({
        kind,
        path: k.table.path,
        version,
        probe: k.probe ?? true,
        ...(k.appIds ? { appIds: k.appIds } : {}),
      });
  }
  if (!(built.get('vacuumed') instanceof Error))
    requests.push({ kind: 'vacuumed-old', path: join(root, 'vacuumed'), version: 1 });
  const reads = await readWithDeltaRs(requests.map(({ kind: _, ...r }) => r));
  assert.equal(reads.length, requests.length);
  const readsOf = (kind: string) => reads.filter((_, i) => requests[i]!.kind === kind);
  const kindOf = (kind: string): Kind => {
    const k = built.get(kind);
    if (k === undefined) throw new Error(`no table kind ${kind}`);
    if (k instanceof Error) throw k;
    return k;
  };

  /** Compares every read of a kind with carelake; returns carelake's rows per version. */
  const compareAll = async (kind: string): Promise<Map<number, string[]>> => {
    const k = kindOf(kind);
    const out = new Map<number, string[]>();
    for (const read of readsOf(kind)) {
      out.set(read.version, await assertSameAsDeltaRs(engine.db, k.table, read, `${kind} v${read.version}`));
    }
    assert.deepEqual([...out.keys()], k.versions);
    return out;
  };

  await t.test('plain table: all types, nulls, int64 beyond 2^53', async () => {
    const rows = await compareAll('plain');
    assert.equal(rows.get(0)!.length, 4);
    assert.equal(rows.get(1)!.length, 5);
    const latest = readsOf('plain').at(-1)!;
    const ids = latest.rows.map((r) => String(r.id)).sort();
    assert.deepEqual(ids, ['-9007199254740993', '1', '4', '5', '9007199254740993']);
    assert.deepEqual(latest.arrow, {
      id: 'int64',
      i: 'int32',
      d: 'double',
      s: 'string',
      b: 'bool',
      dt: 'date32[day]',
      ts: 'timestamp[us, tz=UTC]',
      dec: 'decimal128(10, 2)',
      arr: 'list<element: int64>',
      st: 'struct<a: int32, b: string>',
    });
    const first = latest.rows.find((r) => r.id === '1')!;
    assert.equal(first.ts, '2024-01-02T03:04:05.123456Z');
    assert.equal(first.dec, '12.50');
  });

  await t.test('partitioned table: escaped values, unicode, NULL and empty partitions', async () => {
    const rows = await compareAll('partitioned');
    assert.equal(rows.get(0)!.length, 7);
    assert.equal(rows.get(1)!.length, 8);
    assert.equal(rows.get(2)!.length, 9);
    const snap = await kindOf('partitioned').table.readSnapshot();
    const objects = await canonicalObjects(engine.db, snap);
    const byId = new Map(objects.map((r) => [r.id, r]));
    assert.deepEqual(byId.get('1'), { id: '1', p: 'a/b=c %x', pd: '2024-01-01', pi: '1', v: 'r1' });
    assert.deepEqual(byId.get('2'), { id: '2', p: "quote'", pd: null, pi: null, v: 'r2' });
    assert.deepEqual(
      byId.get('5'),
      { id: '5', p: null, pd: null, pi: '4', v: 'r5' },
      "'' is a null partition",
    );
    assert.equal(byId.get('3'), undefined, 'replaceWhere replaced the Zürich partition');
    assert.deepEqual(byId.get('10'), { id: '10', p: 'Zürich', pd: null, pi: '5', v: 'r10' });
    assert.equal(byId.get('6')?.p, 'a b+c?d#e&f:g*h');
    const nullFile = snap.files.find((f) => f.partitionValues.pi === null)!;
    assert.match(nullFile.path, /pi=__HIVE_DEFAULT_PARTITION__\//);
  });

  await t.test('partitioned by timestamp, boolean and decimal', async () => {
    const rows = await compareAll('partitioned-typed');
    assert.equal(rows.get(0)!.length, 4);
    const values = (await kindOf('partitioned-typed').table.readSnapshot()).files
      .map((f) => `${f.partitionValues.ts}|${f.partitionValues.flag}|${f.partitionValues.amount}`)
      .sort();
    assert.deepEqual(values, [
      '1999-12-31 23:59:59.000000|true|0.00',
      '2024-01-01 08:00:00.000000|true|12.50',
      '2024-01-01 08:00:00.123456|false|0.05',
      'null|null|null',
    ]);
  });

  await t.test('checkpointed table, also after the commits before the checkpoint are deleted', async () => {
    const rows = await compareAll('checkpointed');
    assert.equal(rows.get(11)!.length, 11, 'twelve rows, one replaced by the overwrite at version 6');
    assert.equal(rows.get(5)!.length, 6);
    for (const read of readsOf('checkpointed')) assert.equal(read.txns?.ingest, read.version);
    const cleanedRows = await compareAll('checkpointed-cleaned');
    assert.deepEqual(cleanedRows.get(11), rows.get(11));
    assert.deepEqual(cleanedRows.get(10), rows.get(10));
    for (const read of readsOf('checkpointed-cleaned')) assert.equal(read.txns?.ingest, read.version);
    assert.equal((await kindOf('checkpointed-cleaned').table.readSnapshot()).appVersion('ingest'), 11);
  });

  for (const kind of ['optimized', 'optimized-partitioned']) {
    await t.test(`${kind} table: compaction and Z-order keep every row`, async () => {
      const rows = await compareAll(kind);
      assert.equal(rows.get(4)!.length, 30);
      assert.deepEqual(rows.get(5), rows.get(4));
      assert.deepEqual(rows.get(6), rows.get(4));
    });
  }

  await t.test('vacuumed table: the latest version reads, vacuumed versions fail in both', async () => {
    const rows = await compareAll('vacuumed');
    assert.deepEqual(rows.get(3), rows.get(2));
    assert.equal(rows.get(3)!.length, 2);
    const [old] = readsOf('vacuumed-old');
    assert.ok(old!.error, 'delta-rs cannot read a version whose files vacuum deleted');
    await assert.rejects(
      canonicalRows(engine.db, await kindOf('vacuumed').table.readSnapshot({ version: 1 })),
    );
  });

  await t.test('schema-evolved table: old rows read NULL in the new columns', async () => {
    const rows = await compareAll('evolved');
    const latest = readsOf('evolved').find((r) => r.version === 3)!;
    assert.deepEqual(latest.arrow, {
      id: 'int64',
      name: 'string',
      score: 'double',
      tags: 'list<element: int64>',
      born: 'date32[day]',
    });
    const byId = new Map(latest.rows.map((r) => [r.id, r]));
    assert.deepEqual(byId.get('1'), { id: '1', name: 'a', score: null, tags: null, born: null });
    assert.deepEqual(byId.get('4'), {
      id: '4',
      name: 'd',
      score: '1.5',
      tags: ['7', '8'],
      born: '2020-05-06',
    });
    assert.deepEqual(byId.get('5'), { id: '5', name: 'e', score: null, tags: null, born: null });
    assert.equal(rows.get(3)!.length, 5);
  });

  // delta-rs prunes files by their add.stats and partition values when a read filters; a wrong or
  // missing bound there loses rows silently. Every value of every primitive column is probed.
  // (delta-rs takes a column with a nullCount but no min/max as all-null bounds and prunes the
  // file: carelake must write min/max for every column it counts nulls for, booleans included,
  // as delta-rs itself does.)
  await t.test("filtered delta-rs reads (pruned by carelake's stats) lose no rows", () => {
    const failures = reads.flatMap((read, i) =>
      (read.probeFailures ?? []).map((f) => `${requests[i]!.kind} v${read.version}: ${JSON.stringify(f)}`),
    );
    const probed = reads.reduce((n, r) => n + (r.probes ?? 0), 0);
    assert.ok(probed > 200, `probed ${probed} values`);
    if (failures.length > 0)
      assert.fail(`${failures.length} filtered reads lost rows:\n${failures.join('\n')}`);
  });

  await t.test('restored table: each restore equals the version it restored', async () => {
    const rows = await compareAll('restored');
    assert.deepEqual(rows.get(3), rows.get(1));
    assert.deepEqual(rows.get(5), rows.get(0));
    const latest = readsOf('restored').find((r) => r.version === 5)!;
    assert.deepEqual(Object.keys(latest.arrow), ['id', 'name'], 'restore brought the old schema back');
  });
});

/** What write_tables.py made: the tables and, per table, delta-rs's answer to time travel. */
interface DeltaRsWritten {
  tables: Record<string, string>;
  latest: Record<string, number>;
  timeTravel: Record<string, { timestampMs: number; version: number }[]>;
}

test('carelake reads tables delta-rs writes: checkpoints, special and null partitions, overwrites', async (t) => {
  const dir = tempDir('carelake-from-delta-rs-');
  const written = await runPython<DeltaRsWritten>('write_tables.py', [dir]);
  const requests: DeltaRsReadRequest[] = [];
  for (const [name, path] of Object.entries(written.tables)) {
    for (const version of versions(written.latest[name]!)) requests.push({ path, version });
  }
  const handWritten = await writeHandWrittenPartitions(join(dir, 'hand-written'));
  requests.push({ path: handWritten.path });
  const reads = await readWithDeltaRs(requests);

  for (const [name, path] of Object.entries(written.tables)) {
    await t.test(`${name}: every version, history and time travel agree`, async () => {
      const table = engine.table(path, name);
      const latest = await table.readSnapshot();
      assert.equal(latest.version, written.latest[name]);
      const history = await table.readHistory();
      assert.deepEqual(
        history.map((h) => h.version),
        versions(written.latest[name]!).reverse(),
      );
      const ours = reads.filter((r) => r.path === path);
      assert.equal(ours.length, written.latest[name]! + 1);
      assert.deepEqual(ours.at(-1)!.history, versions(written.latest[name]!), 'delta-rs history');
      // Every version is compared, so that one difference does not hide another.
      const failures: string[] = [];
      for (const read of ours) {
        await assertSameAsDeltaRs(engine.db, table, read, `${name} v${read.version}`).catch((error: Error) =>
          failures.push(error.message),
        );
      }
      if (failures.length > 0) assert.fail(failures.join('\n\n'));
      for (const { timestampMs, version } of written.timeTravel[name]!) {
        const snap = await table.readSnapshot({ timestamp: new Date(timestampMs) });
        assert.equal(snap.version, version, `as of ${new Date(timestampMs).toISOString()}`);
      }
      const checkpoints = readdirSync(join(path, '_delta_log')).filter((n) => n.includes('.checkpoint.'));
      assert.equal(checkpoints.length, 2, `delta-rs wrote two checkpoints: ${checkpoints.join(', ')}`);
    });
  }

  await t.test('special-character, empty and null partition values read as delta-rs reads them', async () => {
    // Version 4 holds every special value; later versions overwrite most of them.
    const table = engine.table(written.tables.partitioned!, 'partitioned');
    const snap = await table.readSnapshot({ version: 4 });
    const rows = await canonicalObjects(engine.db, snap);
    assert.equal(rows.length, 12);
    const ps = new Set(rows.map((r) => r.p));
    for (const p of ['a/b=c %x', "quote'", 'Zürich', 'a b+c?d#e&f:g*h', '日本', '%25', null])
      assert.ok(ps.has(p), `partition ${p} present`);
    // delta-rs writes '' as the partition value "" (folder `p=`); the protocol reads it as null.
    assert.ok(!ps.has(''), 'an empty partition value reads as NULL (PROTOCOL.md: an empty string is null)');
    const v4 = reads.find((r) => r.path === written.tables.partitioned && r.version === 4)!;
    assert.deepEqual(canonicalRowTexts(v4.rows), await canonicalRows(engine.db, snap));
  });

  // Other writers (Spark) serialise partition values in every form the protocol allows: an empty
  // string is null for any type, and timestamps come with or without fractions, or as ISO 8601.
  await t.test('partition values in every serialised form the protocol allows', async () => {
    const read = reads.find((r) => r.path === handWritten.path)!;
    const table = engine.table(handWritten.path, 'hand-written');
    const rows = await assertSameAsDeltaRs(engine.db, table, read, 'hand-written');
    assert.deepEqual(rows, [
      '{"id":"1","pd":null,"pi":null,"ps":null,"pts":null}',
      '{"id":"2","pd":"2024-01-01","pi":"7","ps":"x","pts":"2024-01-01T08:00:00.000000Z"}',
      '{"id":"3","pd":null,"pi":null,"ps":null,"pts":"2024-01-01T08:00:00.123456Z"}',
    ]);
  });
});

/** A table written by hand the way Spark would, with partition values in their unusual forms. */
async function writeHandWrittenPartitions(path: string): Promise<DeltaTable> {
  const table = engine.table(path, 'hand-written');
  mkdirSync(join(path, '_delta_log'), { recursive: true });
  const files: [number, Record<string, string | null>][] = [
    [1, { pi: '', ps: '', pd: '', pts: '' }],
    [2, { pi: '7', ps: 'x', pd: '2024-01-01', pts: '2024-01-01 08:00:00' }],
    [3, { pi: null, ps: null, pd: null, pts: '2024-01-01T08:00:00.123456Z' }],
  ];
  const adds = [];
  for (const [id, partitionValues] of files) {
    const name = `part-0000${id}-hand.snappy.parquet`;
    await engine.db.run('COPY (SELECT $1::BIGINT AS id) TO $2 (FORMAT parquet)', [id, join(path, name)]);
    adds.push({
      add: {
        path: name,
        partitionValues,
        size: statSync(join(path, name)).size,
        modificationTime: 1_700_000_000_000,
        dataChange: true,
        stats: JSON.stringify({ numRecords: 1, minValues: { id }, maxValues: { id }, nullCount: { id: 0 } }),
      },
    });
  }
  const schema = serializeSchema({
    type: 'struct',
    fields: [
      field('id', 'long'),
      field('pi', 'integer'),
      field('ps', 'string'),
      field('pd', 'date'),
      field('pts', 'timestamp'),
    ],
  });
  const actions = [
    { commitInfo: { timestamp: 1_700_000_000_000, operation: 'WRITE', engineInfo: 'hand' } },
    { protocol: { minReaderVersion: 1, minWriterVersion: 2 } },
    {
      metaData: {
        id: '5f1e9a2c-0000-4000-8000-000000000002',
        format: { provider: 'parquet', options: {} },
        schemaString: schema,
        partitionColumns: ['pi', 'ps', 'pd', 'pts'],
        configuration: {},
        createdTime: 1_700_000_000_000,
      },
    },
    ...adds,
  ];
  writeFileSync(
    join(path, '_delta_log', commitFileName(0)),
    actions.map((a) => JSON.stringify(a)).join('\n') + '\n',
  );
  return table;
}
