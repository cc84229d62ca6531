import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { WriteStage } from '../../src/delta/commit-transaction.js';
import type { DeltaTable } from '../../src/delta/delta-table.js';
import { checkpointFileName, commitFileName } from '../../src/delta/log-file-names.js';
import { parseCommit } from '../../src/delta/parse-commit.js';
import { fileKey } from '../../src/delta/table-state.js';
import { writeTable } from '../../src/delta/write-table.js';
import { openTestEngine } from '../helpers/open-test-engine.js';
import { tempDir } from '../helpers/temp-dir.js';
import { canonicalObjects } from './support/canonical-rows.js';
import { assertSameAsDeltaRs } from './support/delta-rs-compare.js';
import { readWithDeltaRs } from './support/run-python.js';
import { Worker, type WorkerResult } from './support/worker.js';

// Real processes racing on one table: each worker is one Node process with its own DuckDB engine
// (dist/test/fixtures/delta-worker.js), kept alive across tests. Races that must happen are forced:
// writers pause at a stage of their write until the test opens a gate file, so both hold the same
// read version when they try to commit.

const WRITERS = 8;
const COMMITS_PER_WRITER = 20;

const engine = await openTestEngine();
const dir = tempDir('carelake-concurrency-');
// Each worker stops itself (or is killed) when this file's tests end.
const workers = await Promise.all(Array.from({ length: WRITERS }, () => Worker.start()));
let gates = 0;

/** A gate the paused writers wait on; `open()` releases them all. */
function gate(): { path: string; open: () => void } {
  const path = join(dir, `gate-${++gates}`);
  return { path, open: () => writeFileSync(path, '') };
}

async function rows(table: DeltaTable, version?: number) {
  const snap = await table.readSnapshot(version === undefined ? {} : { version });
  return canonicalObjects(engine.db, snap);
}

function assertConcurrentModification(result: WorkerResult): void {
  assert.equal(result.ok, false, `expected a ConcurrentModificationError, got ${JSON.stringify(result)}`);
  assert.equal(result.error?.name, 'ConcurrentModificationError', result.error?.message);
  assert.match(result.error!.message, /concurrent modification at version \d+/);
}

test(`${WRITERS} processes appending ${COMMITS_PER_WRITER} commits each: every row once, versions contiguous`, async (t) => {
  const table = engine.table(join(dir, 'appends'), 'appends');
  await writeTable(table, engine.writer, {
    source: {
      kind: 'query',
      sql: 'SELECT 0::BIGINT AS id, 0::INTEGER AS writer, 0::INTEGER AS seq WHERE false',
    },
  });
  assert.equal((await table.readSnapshot()).files.length, 0);

  const ids = workers.map((w, writer) =>
    w.send({ op: 'append-series', table: table.path, writer, count: COMMITS_PER_WRITER }),
  );
  const results = await Promise.all(workers.map((w, i) => w.result(ids[i]!, 150_000)));
  const total = WRITERS * COMMITS_PER_WRITER;

  await t.test('every writer committed every append, in its own order', () => {
    for (const [writer, r] of results.entries()) {
      assert.equal(r.ok, true, `writer ${writer}: ${r.error?.message}`);
      assert.equal(r.versions!.length, COMMITS_PER_WRITER);
      for (let i = 1; i < r.versions!.length; i++) assert.ok(r.versions![i]! > r.versions![i - 1]!);
    }
    const all = results.flatMap((r) => r.versions!).sort((a, b) => a - b);
    assert.deepEqual(
      all,
      Array.from({ length: total }, (_, i) => i + 1),
      'versions 1..160, each committed by exactly one writer',
    );
  });

  await t.test('the log holds versions 0..160 without a gap, each with the row of its writer', () => {
    const logDir = join(table.path, '_delta_log');
    const commits = readdirSync(logDir).filter((n) => /^\d{20}\.json$/.test(n));
    assert.deepEqual(
      commits.sort(),
      Array.from({ length: total + 1 }, (_, v) => commitFileName(v)),
    );
    for (const [writer, r] of results.entries()) {
      for (const [seq, version] of r.versions!.entries()) {
        const actions = parseCommit(readFileSync(join(logDir, commitFileName(version)), 'utf8'));
        const adds = actions.filter((a) => 'add' in a).map((a) => ('add' in a ? a.add : undefined)!);
        assert.equal(adds.length, 1, `version ${version} adds one file`);
        const stats = JSON.parse(adds[0]!.stats!) as { numRecords: number; minValues: { id: number } };
        assert.equal(stats.numRecords, 1);
        assert.equal(
          stats.minValues.id,
          writer * 1000 + seq,
          `version ${version} holds writer ${writer}'s row ${seq}`,
        );
      }
    }
  });

  await t.test('the table holds every row exactly once', async () => {
    const snap = await table.readSnapshot();
    assert.equal(snap.version, total);
    const got = (await rows(table)).map((r) => Number(r.id)).sort((a, b) => a - b);
    const want = Array.from({ length: WRITERS }, (_, w) =>
      Array.from({ length: COMMITS_PER_WRITER }, (_, i) => w * 1000 + i),
    )
      .flat()
      .sort((a, b) => a - b);
    assert.deepEqual(got, want);
    assert.equal(snap.numRecords(), total);
  });

  await t.test('every checkpoint was written and equals replaying the JSON commits', async () => {
    const logDir = join(table.path, '_delta_log');
    // The same log without its checkpoints: a snapshot there is pure JSON replay.
    const jsonOnly = engine.table(join(dir, 'appends-json-only'), 'appends-json-only');
    mkdirSync(join(jsonOnly.path, '_delta_log'), { recursive: true });
    for (const n of readdirSync(logDir)) {
      if (/^\d{20}\.json$/.test(n)) copyFileSync(join(logDir, n), join(jsonOnly.path, '_delta_log', n));
    }
    for (let v = 10; v <= total; v += 10) {
      assert.ok(existsSync(join(logDir, checkpointFileName(v))), `checkpoint at ${v}`);
      const fromCheckpoint = await table.readSnapshot({ version: v });
      const fromJson = await jsonOnly.readSnapshot({ version: v });
      assert.deepEqual(
        fromCheckpoint.files.map((f) => fileKey(f.path)).sort(),
        fromJson.files.map((f) => fileKey(f.path)).sort(),
        `checkpoint ${v} has the live files of version ${v}`,
      );
      assert.equal(fromCheckpoint.files.length, v);
      assert.deepEqual(fromCheckpoint.schema, fromJson.schema);
    }
    assert.equal(JSON.parse(readFileSync(join(logDir, '_last_checkpoint'), 'utf8')).version, total);
  });

  await t.test('delta-rs reads the same table at the latest version and across a checkpoint', async () => {
    const reads = await readWithDeltaRs([{ path: table.path }, { path: table.path, version: total - 5 }]);
    for (const read of reads) await assertSameAsDeltaRs(engine.db, table, read, `appends v${read.version}`);
    assert.equal(reads[0]!.version, total);
    assert.equal(reads[0]!.rows.length, total);
    assert.equal(reads[1]!.rows.length, total - 5);
  });
});

test('two concurrent overwrites: one wins, the other fails or retries later, never a mixed table', async (t) => {
  const table = engine.table(join(dir, 'overwrites'), 'overwrites');
  await writeTable(table, engine.writer, {
    source: { kind: 'query', sql: "SELECT i::BIGINT AS id, 'init' AS dataset FROM range(3) r(i)" },
  });
  const [a, b] = [workers[0]!, workers[1]!];
  const sizes: Record<string, number> = { init: 3 };
  const overwrite = (
    w: Worker,
    dataset: string,
    rows: number,
    pause?: { stage: WriteStage; gate: string },
  ) => {
    sizes[dataset] = rows;
    return w.send({ op: 'overwrite', table: table.path, dataset, rows, ...(pause ? { pause } : {}) });
  };
  /** The table at a version is exactly one data set: one tag, ids 0..n-1. */
  const datasetAt = async (version?: number): Promise<string> => {
    const got = await rows(table, version);
    const tags = [...new Set(got.map((r) => String(r.dataset)))];
    assert.equal(tags.length, 1, `version ${version ?? 'latest'} mixes data sets: ${tags.join(', ')}`);
    const ids = got.map((r) => Number(r.id)).sort((x, y) => x - y);
    assert.deepEqual(
      ids,
      Array.from({ length: sizes[tags[0]!]! }, (_, i) => i),
      `all of ${tags[0]}`,
    );
    return tags[0]!;
  };

  for (const [round, stage] of [
    [1, 'data-written'],
    [2, 'commit-staged'],
  ] as const) {
    await t.test(`forced race, both writers paused at ${stage}: one wins, the loser retries`, async () => {
      const g = gate();
      const pause = { stage, gate: g.path };
      const ids = [overwrite(a, `A${round}`, 5, pause), overwrite(b, `B${round}`, 7, pause)];
      await Promise.all([
        a.waitFor((m) => m.id === ids[0] && m.paused === stage, 60_000),
        b.waitFor((m) => m.id === ids[1] && m.paused === stage, 60_000),
      ]);
      const before = (await table.readSnapshot()).version;
      g.open();
      const results = await Promise.all([a.result(ids[0]!), b.result(ids[1]!)]);
      const winners = results.filter((r) => r.ok);
      assert.equal(winners.length, 1, `exactly one winner: ${JSON.stringify(results)}`);
      assert.equal(winners[0]!.version, before + 1);
      const winner = results[0]!.ok ? 'A' : 'B';
      const loserIndex = results[0]!.ok ? 1 : 0;
      assertConcurrentModification(results[loserIndex]!);
      assert.equal(await datasetAt(), `${winner}${round}`);

      const loser = loserIndex === 0 ? a : b;
      const name = `${loserIndex === 0 ? 'A' : 'B'}${round}`;
      const retry = await loser.result(overwrite(loser, name, sizes[name]!));
      assert.equal(retry.ok, true, retry.error?.message);
      assert.equal(retry.version, before + 2);
      assert.equal(await datasetAt(), name);
    });
  }

  await t.test('free races: each writer commits or fails with ConcurrentModificationError', async () => {
    for (let round = 3; round <= 6; round++) {
      const before = (await table.readSnapshot()).version;
      const ids = [overwrite(a, `A${round}`, 4, undefined), overwrite(b, `B${round}`, 6, undefined)];
      const results = await Promise.all([a.result(ids[0]!), b.result(ids[1]!)]);
      for (const r of results) if (!r.ok) assertConcurrentModification(r);
      const committed = results
        .map((r, i) => ({ r, name: `${i === 0 ? 'A' : 'B'}${round}` }))
        .filter(({ r }) => r.ok);
      assert.ok(committed.length >= 1, 'at least one overwrite commits');
      const versions = committed.map(({ r }) => r.version!).sort((x, y) => x - y);
      assert.deepEqual(
        versions,
        Array.from({ length: committed.length }, (_, i) => before + 1 + i),
      );
      const last = committed.reduce((x, y) => (x.r.version! > y.r.version! ? x : y));
      assert.equal(await datasetAt(), last.name, 'the table is the data set of the last commit');
    }
  });

  await t.test('no version in the whole history is a mixed table', async () => {
    const latest = (await table.readSnapshot()).version;
    for (let v = 0; v <= latest; v++) await datasetAt(v);
    const live = (await table.readSnapshot()).files.length;
    assert.ok(live >= 1);
  });
});

test('idempotent writes: two processes committing the same txn write the data once', async (t) => {
  const table = engine.table(join(dir, 'idempotent'), 'idempotent');
  await writeTable(table, engine.writer, {
    source: { kind: 'query', sql: "SELECT 0::BIGINT AS id, 'seed' AS batch" },
  });
  const [a, b] = [workers[2]!, workers[3]!];
  const txnAppend = (
    w: Worker,
    txnVersion: number,
    start: number,
    pause?: { stage: WriteStage; gate: string },
  ) =>
    w.send({
      op: 'txn-append',
      table: table.path,
      appId: 'nightly',
      txnVersion,
      start,
      count: 5,
      ...(pause ? { pause } : {}),
    });
  const batchRows = async (batch: string) =>
    (await rows(table))
      .filter((r) => r.batch === batch)
      .map((r) => Number(r.id))
      .sort((x, y) => x - y);
  const dataFiles = (): string[] => {
    const out: string[] = [];
    for (const e of readdirSync(table.path, { withFileTypes: true })) if (e.isFile()) out.push(e.name);
    return out.sort();
  };

  const cases: { txnVersion: number; start: number; stage?: WriteStage }[] = [
    { txnVersion: 1, start: 100, stage: 'data-written' },
    { txnVersion: 2, start: 200, stage: 'commit-staged' },
    { txnVersion: 3, start: 300 },
  ];
  for (const { txnVersion, start, stage } of cases) {
    await t.test(
      `txn version ${txnVersion}, ${stage ? `both paused at ${stage}` : 'free race'}`,
      async () => {
        const g = gate();
        const pause = stage ? { stage, gate: g.path } : undefined;
        const ids = [txnAppend(a, txnVersion, start, pause), txnAppend(b, txnVersion, start, pause)];
        if (stage) {
          await Promise.all([
            a.waitFor((m) => m.id === ids[0] && m.paused === stage, 60_000),
            b.waitFor((m) => m.id === ids[1] && m.paused === stage, 60_000),
          ]);
          g.open();
        }
        const results = await Promise.all([a.result(ids[0]!), b.result(ids[1]!)]);
        for (const r of results) assert.equal(r.ok, true, r.error?.message);
        assert.deepEqual(
          results.map((r) => r.status).sort(),
          ['committed', 'skipped'],
          `one commits, the other is a no-op: ${JSON.stringify(results)}`,
        );
        assert.deepEqual(
          await batchRows(`nightly:${txnVersion}`),
          [0, 1, 2, 3, 4].map((i) => start + i),
        );
        const snap = await table.readSnapshot();
        assert.equal(snap.appVersion('nightly'), txnVersion);
        assert.equal(snap.version, txnVersion, 'one commit per batch');
        assert.deepEqual(
          dataFiles(),
          snap.files.map((f) => fileKey(f.path)).sort(),
          'the skipped writer removed the files it had written',
        );
      },
    );
  }

  await t.test('a later rerun of an old batch is skipped', async () => {
    const r = await a.result(txnAppend(a, 2, 200));
    assert.equal(r.ok, true, r.error?.message);
    assert.equal(r.status, 'skipped');
    assert.equal((await rows(table)).length, 16);
  });
});

/** Two writes paused after writing their data, released together; returns both results. */
async function race(
  pair: [Worker, Worker],
  commands: [Record<string, unknown>, Record<string, unknown>],
): Promise<[WorkerResult, WorkerResult]> {
  const g = gate();
  const pause = { stage: 'data-written' as const, gate: g.path };
  const ids = pair.map((w, i) => w.send({ ...commands[i], pause }));
  await Promise.all(
    pair.map((w, i) => w.waitFor((m) => m.id === ids[i] && m.paused === 'data-written', 60_000)),
  );
  g.open();
  const [x, y] = await Promise.all(pair.map((w, i) => w.result(ids[i]!)));
  return [x!, y!];
}

function dataFileCount(path: string): number {
  return readdirSync(path).filter((f) => f.endsWith('.parquet')).length;
}

for (const mode of ['append', 'overwrite', 'error'] as const) {
  test(`two processes creating the same table at once (mode ${mode}): one creates it, the other fails and leaves nothing`, async () => {
    const table = engine.table(join(dir, `created-twice-${mode}`), `created-twice-${mode}`);
    const [a, b] = [workers[4]!, workers[5]!];
    const results = await race(
      [a, b],
      [
        { op: 'create', table: table.path, mode, start: 10, count: 3 },
        { op: 'create', table: table.path, mode, start: 20, count: 3 },
      ],
    );
    const winner = results.findIndex((r) => r.ok);
    assert.notEqual(winner, -1, JSON.stringify(results));
    const loser = results[1 - winner]!;
    assertConcurrentModification(loser);
    assert.equal(loser.error?.conflict, 'concurrent-create');
    const snap = await table.readSnapshot();
    assert.equal(snap.version, 0, 'no second commit');
    const got = (await rows(table)).map((r) => Number(r.id)).sort((x, y) => x - y);
    const start = winner === 0 ? 10 : 20;
    assert.deepEqual(got, [start, start + 1, start + 2], "only the winner's rows, once");
    assert.equal(dataFileCount(table.path), snap.files.length, 'the loser removed the files it wrote');
  });
}

test('two processes creating the same table at once (mode ignore): one creates it, the other is skipped', async () => {
  const table = engine.table(join(dir, 'created-twice-ignore'), 'created-twice-ignore');
  const results = await race(
    [workers[4]!, workers[5]!],
    [
      { op: 'create', table: table.path, mode: 'ignore', start: 10, count: 3 },
      { op: 'create', table: table.path, mode: 'ignore', start: 20, count: 3 },
    ],
  );
  for (const r of results) assert.equal(r.ok, true, r.error?.message);
  assert.deepEqual(results.map((r) => r.status).sort(), ['committed', 'skipped']);
  assert.equal((await rows(table)).length, 3);
  assert.equal(dataFileCount(table.path), 1);
});

test('replaceWhere races between processes (WriteSerializable)', async (t) => {
  const table = engine.table(join(dir, 'replace-where'), 'replace-where');
  const [a, b] = [workers[6]!, workers[7]!];
  for (const part of ['a', 'b']) {
    const r = await a.request({ op: 'append-partition', table: table.path, part, tag: 'seed', rows: 2 });
    assert.equal(r.ok, true, r.error?.message);
  }
  const byPart = async () => {
    const out: Record<string, string[]> = {};
    for (const r of await rows(table)) {
      const tags = out[String(r.part)] ?? [];
      tags.push(String(r.tag));
      out[String(r.part)] = tags;
    }
    for (const k of Object.keys(out)) out[k]!.sort();
    return out;
  };

  await t.test(
    'two replaceWhere of the same partition: one wins, the other conflicts, never a mix',
    async () => {
      const results = await race(
        [a, b],
        [
          { op: 'replace-partition', table: table.path, part: 'a', tag: 'x', rows: 3 },
          { op: 'replace-partition', table: table.path, part: 'a', tag: 'y', rows: 4 },
        ],
      );
      const winner = results.findIndex((r) => r.ok);
      assert.notEqual(winner, -1, JSON.stringify(results));
      assertConcurrentModification(results[1 - winner]!);
      assert.match(results[1 - winner]!.error!.conflict!, /concurrent-(append|delete-read|delete-delete)/);
      const parts = await byPart();
      assert.deepEqual(parts.a, winner === 0 ? ['x', 'x', 'x'] : ['y', 'y', 'y', 'y']);
      assert.deepEqual(parts.b, ['seed', 'seed'], 'the other partition is untouched');
    },
  );

  await t.test('replaceWhere of different partitions: both commit (the loser retries on top)', async () => {
    const results = await race(
      [a, b],
      [
        { op: 'replace-partition', table: table.path, part: 'a', tag: 'p', rows: 1 },
        { op: 'replace-partition', table: table.path, part: 'b', tag: 'q', rows: 2 },
      ],
    );
    for (const r of results) assert.equal(r.ok, true, r.error?.message);
    assert.deepEqual(await byPart(), { a: ['p'], b: ['q', 'q'] });
  });

  await t.test(
    'a blind append racing a replaceWhere of its partition is ordered after it and keeps its rows',
    async () => {
      const before = (await byPart()).a!;
      const results = await race(
        [a, b],
        [
          { op: 'replace-partition', table: table.path, part: 'a', tag: 'new', rows: 2 },
          { op: 'append-partition', table: table.path, part: 'a', tag: 'late', rows: 1 },
        ],
      );
      for (const r of results) assert.equal(r.ok, true, r.error?.message);
      const parts = await byPart();
      assert.deepEqual(
        parts.a,
        ['late', 'new', 'new'],
        `replaced ${before.join(',')}; the appended row survives`,
      );
    },
  );
});
