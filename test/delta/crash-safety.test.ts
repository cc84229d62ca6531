import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import type { WriteStage } from '../../src/delta/commit-transaction.js';
import { DeltaTable } from '../../src/delta/delta-table.js';
import { commitFileName } from '../../src/delta/log-file-names.js';
import { parseCommit } from '../../src/delta/parse-commit.js';
import type { Snapshot } from '../../src/delta/snapshot.js';
import { fileKey } from '../../src/delta/table-state.js';
import { vacuumTable } from '../../src/delta/vacuum-table.js';
import { writeTable } from '../../src/delta/write-table.js';
import { openTestEngine } from '../helpers/open-test-engine.js';
import { tempDir } from '../helpers/temp-dir.js';
import { canonicalObjects } from './support/canonical-rows.js';
import { assertSameAsDeltaRs } from './support/delta-rs-compare.js';
import { type NodeRun, runNode } from './support/run-node.js';
import { readWithDeltaRs } from './support/run-python.js';

// A writer SIGKILLed at each stage of a write (after its data files, with its commit staged but
// not linked, right after the commit) leaves the table at the previous or the new version, never
// in between; a rerun of the same idempotent batch completes (or is skipped when it had
// committed); the data files of the dead writers are orphans that vacuum removes, and only them.

const engine = await openTestEngine();
const dir = tempDir('carelake-crash-');
const path = join(dir, 'events');
const table = engine.table(path, 'events');
const logDir = join(path, '_delta_log');

/** Every data file in the table folder (outside `_delta_log`), relative to the table. */
function dataFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === '_delta_log') continue;
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(path, join(d, e.name)));
    }
  };
  walk(path);
  return out.sort();
}

function liveFiles(snapshot: Snapshot): string[] {
  return snapshot.files.map((f) => fileKey(f.path)).sort();
}

function tempCommitFiles(): string[] {
  return readdirSync(logDir).filter((n) => /^_commit_.*\.json\.tmp$/.test(n));
}

function commitFiles(): string[] {
  return readdirSync(logDir).filter((n) => /^\d{20}\.json$/.test(n));
}

/** The ids in the table at a snapshot (through carelake's DuckDB view), sorted. */
async function ids(snapshot: Snapshot): Promise<number[]> {
  const rows = await canonicalObjects(engine.db, snapshot);
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

function range(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => start + i);
}

async function crashWriter(stage: WriteStage | 'none', batch: number): Promise<NodeRun> {
  return runNode('crash-writer.js', [path, stage, String(batch * 100), '10', String(batch)], 60_000);
}

function assertKilled(run: NodeRun, stage: string): void {
  assert.equal(run.timedOut, false, `the writer killed at ${stage} hung:\n${run.stderr}`);
  assert.equal(
    run.signal,
    'SIGKILL',
    `the writer should die at ${stage}; it ended with ${run.code}:\n${run.stderr}`,
  );
  assert.equal(run.stdout, '', 'a killed writer prints no result');
}

function assertCompleted(run: NodeRun): { status: string; version: number; rowsWritten: number } {
  assert.equal(run.timedOut, false, `the rerun hung:\n${run.stderr}`);
  assert.equal(run.code, 0, `the rerun failed:\n${run.stderr}`);
  return JSON.parse(run.stdout);
}

test('a writer killed at each stage leaves the old or the new version, and vacuum removes its orphans', async (t) => {
  await writeTable(table, engine.writer, {
    source: {
      kind: 'query',
      sql: "SELECT i::BIGINT AS id, 'k' || (i % 3)::VARCHAR AS part FROM range(10) r(i)",
    },
    partitionBy: ['part'],
    txn: { appId: 'crash-test', version: 0 },
  });
  let expectedIds = range(0, 10);
  const orphans: string[] = [];

  for (const [batch, stage] of [
    [1, 'data-written'],
    [2, 'commit-staged'],
  ] as const) {
    await t.test(`killed at ${stage}: the table stays at the previous version`, async () => {
      const before = await table.readSnapshot();
      const filesBefore = dataFiles();
      const commitsBefore = commitFiles();
      const tempsBefore = tempCommitFiles();
      assertKilled(await crashWriter(stage, batch), stage);

      const after = await table.readSnapshot();
      assert.equal(after.version, before.version, 'no new version');
      assert.deepEqual(commitFiles(), commitsBefore, 'no commit file published');
      assert.deepEqual(liveFiles(after), liveFiles(before), 'same live files');
      assert.deepEqual(await ids(after), expectedIds, 'exactly the rows of the previous version');
      assert.equal(after.appVersion('crash-test'), batch - 1);

      const leftovers = dataFiles().filter((f) => !filesBefore.includes(f));
      assert.ok(leftovers.length > 0, 'the dead writer left its data files behind');
      for (const f of leftovers) assert.ok(!liveFiles(after).includes(f), `${f} is not referenced`);
      orphans.push(...leftovers);

      const temps = tempCommitFiles().filter((n) => !tempsBefore.includes(n));
      if (stage === 'commit-staged') {
        assert.equal(temps.length, 1, 'the staged commit is left as a temp file');
        const staged = parseCommit(readFileSync(join(logDir, temps[0]!), 'utf8'));
        assert.equal(staged.filter((a) => 'add' in a).length, leftovers.length, 'it names the orphans');
      } else {
        assert.deepEqual(temps, [], 'nothing was staged yet');
      }

      const rerun = assertCompleted(await crashWriter('none', batch));
      assert.equal(rerun.status, 'committed');
      assert.equal(rerun.version, before.version + 1);
      assert.equal(rerun.rowsWritten, 10);
      expectedIds = [...expectedIds, ...range(batch * 100, 10)].sort((a, b) => a - b);
      const rerunSnap = await table.readSnapshot();
      assert.deepEqual(await ids(rerunSnap), expectedIds, 'every row once after the rerun');
      assert.equal(rerunSnap.appVersion('crash-test'), batch);
    });
  }

  await t.test(
    'killed right after the commit (at a checkpoint version): the new version, no checkpoint',
    async () => {
      for (let batch = 3; batch <= 9; batch++) {
        await writeTable(table, engine.writer, {
          source: {
            kind: 'query',
            sql: "SELECT i::BIGINT AS id, 'k' || (i % 3)::VARCHAR AS part FROM range($1::BIGINT, $2::BIGINT) r(i)",
            params: [batch * 100, batch * 100 + 10],
          },
          txn: { appId: 'crash-test', version: batch },
        });
        expectedIds.push(...range(batch * 100, 10));
      }
      const before = await table.readSnapshot();
      assert.equal(before.version, 9);
      const filesBefore = dataFiles();
      const tempsBefore = tempCommitFiles();
      assertKilled(await crashWriter('committed', 10), 'committed');
      assert.deepEqual(tempCommitFiles(), tempsBefore, 'the published commit left no temp file');

      const after = await table.readSnapshot();
      assert.equal(after.version, 10, 'the commit is durable');
      expectedIds = [...expectedIds, ...range(1000, 10)].sort((a, b) => a - b);
      assert.deepEqual(await ids(after), expectedIds, 'exactly the rows of the new version');
      assert.equal(after.appVersion('crash-test'), 10);
      assert.ok(
        !existsSync(join(logDir, '00000000000000000010.checkpoint.parquet')),
        'died before its checkpoint',
      );
      const added = dataFiles().filter((f) => !filesBefore.includes(f));
      assert.ok(added.length > 0);
      for (const f of added) assert.ok(liveFiles(after).includes(f), `${f} is live, not an orphan`);
      const history = await table.readHistory(1);
      assert.equal(history[0]!.version, 10);

      // A rerun of the batch that did commit is a no-op.
      const rerun = assertCompleted(await crashWriter('none', 10));
      assert.equal(rerun.status, 'skipped');
      const rerunSnap = await table.readSnapshot();
      assert.equal(rerunSnap.version, 10);
      assert.deepEqual(await ids(rerunSnap), expectedIds);
      assert.deepEqual(
        dataFiles().filter((f) => !filesBefore.includes(f)),
        added,
        'the skipped rerun cleaned up its own files',
      );
    },
  );

  await t.test('leftover and garbage temp files in _delta_log do not break readers', async () => {
    assert.equal(tempCommitFiles().length, 1, 'the temp commit of the writer killed at commit-staged');
    writeFileSync(join(logDir, '_commit_00000000-0000-0000-0000-000000000000.json.tmp'), '{"add": {"pa');
    const snap = await table.readSnapshot();
    assert.equal(snap.version, 10);
    assert.deepEqual(await ids(snap), expectedIds);
    assert.equal((await table.readHistory()).length, 11);
  });

  await t.test('vacuum removes exactly the orphans of the dead writers', async () => {
    const live = liveFiles(await table.readSnapshot());
    assert.equal(orphans.length > 0, true);
    const dry = await vacuumTable(table, { retentionHours: 0, allowShortRetention: true, dryRun: true });
    assert.deepEqual(dry.files, [...orphans].sort(), 'dry run lists exactly the orphans');
    assert.deepEqual(dataFiles(), [...live, ...orphans].sort(), 'the dry run deleted nothing');
    const result = await vacuumTable(table, { retentionHours: 0, allowShortRetention: true });
    assert.deepEqual(result.files, [...orphans].sort());
    assert.deepEqual(dataFiles(), live, 'only live files remain');
    const snap = await table.readSnapshot();
    assert.equal(snap.version, 11, 'vacuum records itself in the log');
    assert.deepEqual(await ids(snap), expectedIds);
    assert.equal(expectedIds.length, 110);
    assert.equal(new Set(expectedIds).size, 110);
  });

  await t.test(
    'delta-rs reads the crash-survivor table (temp files in the log) as carelake does',
    async () => {
      const reads = await readWithDeltaRs([{ path }, { path, version: 9 }, { path, version: 10 }]);
      for (const read of reads)
        await assertSameAsDeltaRs(engine.db, table, read, `crash table v${read.version}`);
      assert.equal(reads[0]!.version, 11);
      assert.equal(reads[0]!.rows.length, 110);
      assert.equal(reads[1]!.rows.length, 100);
    },
  );

  await t.test('the last commit file is intact', async () => {
    const actions = parseCommit(readFileSync(join(logDir, commitFileName(10)), 'utf8'));
    assert.ok(
      actions.some((a) => 'txn' in a && a.txn.appId === 'crash-test' && Number(a.txn.version) === 10),
    );
  });
});

// Bronze tables are partitioned by `_bronze_load_date`. Folders starting with `_` are hidden from
// vacuum, except partition folders (Delta's DeltaFileOperations.isHiddenDirectory): orphans and
// removed files there must be vacuumed like any other.
test('vacuum reaches partitions whose column starts with an underscore (like _bronze_load_date)', async () => {
  const dir2 = tempDir('carelake-crash-underscore-');
  let clock = Date.now();
  const bronze = DeltaTable.at(
    join(dir2, 'bronze'),
    { checkpoints: engine.checkpoints, now: () => (clock += 1000) },
    'bronze',
  );
  const rows = (day: string) =>
    `SELECT i::BIGINT AS id, DATE '${day}' AS _bronze_load_date FROM range(3) r(i)`;
  await writeTable(bronze, engine.writer, {
    source: { kind: 'query', sql: rows('2024-01-01') },
    partitionBy: ['_bronze_load_date'],
  });
  const replaced = (await bronze.readSnapshot()).files.map((f) => fileKey(f.path));
  await writeTable(bronze, engine.writer, {
    source: { kind: 'query', sql: rows('2024-01-01') },
    mode: 'overwrite',
    replaceWhere: { _bronze_load_date: ['2024-01-01'] },
  });
  const live = (await bronze.readSnapshot()).files.map((f) => fileKey(f.path));
  // An orphan, as a writer killed after its data files leaves it.
  const orphan = join('_bronze_load_date=2024-01-01', 'part-00000-orphan-c000.snappy.parquet');
  copyFileSync(join(bronze.path, live[0]!), join(bronze.path, orphan));
  assert.ok(replaced[0]!.startsWith('_bronze_load_date=2024-01-01/'));

  const result = await vacuumTable(bronze, { retentionHours: 0, allowShortRetention: true });
  assert.deepEqual(result.files, [...replaced, orphan].sort(), 'the removed file and the orphan are deleted');
  for (const f of live) assert.ok(existsSync(join(bronze.path, f)), `live ${f} kept`);
  for (const f of [...replaced, orphan]) assert.ok(!existsSync(join(bronze.path, f)), `${f} deleted`);
});
