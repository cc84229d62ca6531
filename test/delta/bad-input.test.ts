import assert from 'node:assert/strict';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Action } from '../../src/delta/actions.js';
import { DeltaTable } from '../../src/delta/delta-table.js';
import { DeltaTableError } from '../../src/delta/delta-table-error.js';
import { checkpointFileName, commitFileName } from '../../src/delta/log-file-names.js';
import { parseLosslessJson, stringifyLosslessJson } from '../../src/delta/lossless-json.js';
import { restoreTable } from '../../src/delta/restore-table.js';
import { field, serializeSchema } from '../../src/delta/schema.js';
import { SchemaMismatchError } from '../../src/delta/schema-mismatch-error.js';
import { vacuumTable } from '../../src/delta/vacuum-table.js';
import { type WriteRequest, writeTable } from '../../src/delta/write-table.js';
import { registerSnapshotView } from '../../src/engine/duckdb/register-snapshot-view.js';
import { openTestEngine } from '../helpers/open-test-engine.js';
import { tempDir } from '../helpers/temp-dir.js';
import { canonicalObjects } from './support/canonical-rows.js';

// Bad input, each answered by a typed error that names the table, the version and the problem
// (never wrong rows), and the guard rails of writes, vacuum and replaceWhere.

const engine = await openTestEngine();
const root = tempDir('carelake-bad-input-');
let tables = 0;

function newTable(name: string): DeltaTable {
  return engine.table(join(root, `${++tables}-${name}`), `lh_test.dbo.${name}`);
}

async function write(table: DeltaTable, sql: string, options: Omit<WriteRequest, 'source'> = {}) {
  return writeTable(table, engine.writer, { source: { kind: 'query', sql }, ...options });
}

/** A table with `commits` versions of one row each (id = version). */
async function tableWithCommits(name: string, commits: number): Promise<DeltaTable> {
  const table = newTable(name);
  for (let v = 0; v < commits; v++) await write(table, `SELECT ${v}::BIGINT AS id, 'row ${v}' AS name`);
  return table;
}

function logPath(table: DeltaTable, name: string): string {
  return join(table.path, '_delta_log', name);
}

/** Writes a hand-made commit file. */
function writeCommit(table: DeltaTable, version: number, actions: unknown[]): void {
  mkdirSync(join(table.path, '_delta_log'), { recursive: true });
  writeFileSync(
    logPath(table, commitFileName(version)),
    actions.map((a) => stringifyLosslessJson(a)).join('\n') + '\n',
  );
}

function metaData(configuration: Record<string, string> = {}, fieldMetadata: Record<string, unknown> = {}) {
  const schema = { type: 'struct' as const, fields: [{ ...field('id', 'long'), metadata: fieldMetadata }] };
  return {
    metaData: {
      id: '5f1e9a2c-0000-4000-8000-000000000001',
      format: { provider: 'parquet', options: {} },
      schemaString: serializeSchema(schema),
      partitionColumns: [],
      configuration,
      createdTime: 1_700_000_000_000,
    },
  };
}

/** Asserts a DeltaTableError with this problem whose message names the table and every `mentions`. */
async function assertDeltaError(
  promise: Promise<unknown>,
  table: DeltaTable,
  problem: string,
  mentions: (string | RegExp)[],
  version?: number,
): Promise<DeltaTableError> {
  const error = await promise.then(
    () => assert.fail(`expected a DeltaTableError (${problem})`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof DeltaTableError, `expected a DeltaTableError, got ${String(error)}`);
  assert.equal(error.problem, problem, error.message);
  assert.equal(error.table, table.name);
  assert.ok(error.message.includes(table.name), `the message names the table: ${error.message}`);
  if (version !== undefined) {
    assert.equal(error.version, version, error.message);
    assert.ok(
      error.message.includes(`version ${version}`),
      `the message names version ${version}: ${error.message}`,
    );
  }
  for (const m of mentions) {
    if (typeof m === 'string')
      assert.ok(error.message.includes(m), `the message mentions ${m}: ${error.message}`);
    else assert.match(error.message, m);
  }
  return error;
}

function dataFiles(table: DeltaTable): string[] {
  const out: string[] = [];
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === '_delta_log') continue;
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else out.push(`${prefix}${e.name}`);
    }
  };
  if (existsSync(table.path)) walk(table.path, '');
  return out.sort();
}

test('a corrupt JSON line in a commit is a corrupt-log error naming the table, version and line', async () => {
  const table = await tableWithCommits('corrupt_line', 3);
  const file = logPath(table, commitFileName(1));
  const lines = readFileSync(file, 'utf8').split('\n');
  assert.ok(lines.length >= 3);
  lines[1] = '{"add": {"path": "part-x.parquet", "size": 12';
  writeFileSync(file, lines.join('\n'));
  const error = await assertDeltaError(
    table.readSnapshot(),
    table,
    'corrupt-log',
    [commitFileName(1), /line 2\b/],
    1,
  );
  assert.ok(error.cause instanceof Error);
  // Time travel before the damage still works; history cannot skip the bad commit.
  assert.equal((await table.readSnapshot({ version: 0 })).version, 0);
  await assertDeltaError(table.readHistory(), table, 'corrupt-log', [/line 2\b/], 1);
  // Appending to it is refused the same way, and writes nothing.
  const before = dataFiles(table);
  await assertDeltaError(write(table, "SELECT 9::BIGINT AS id, 'x' AS name"), table, 'corrupt-log', [], 1);
  assert.deepEqual(dataFiles(table), before);
});

test('a commit line that is JSON but not an action object is a corrupt-log error', async () => {
  const table = await tableWithCommits('not_object', 2);
  appendFileSync(logPath(table, commitFileName(1)), '[1, 2, 3]\n');
  const lineCount = readFileSync(logPath(table, commitFileName(1)), 'utf8')
    .trimEnd()
    .split('\n').length;
  await assertDeltaError(
    table.readSnapshot(),
    table,
    'corrupt-log',
    [new RegExp(`line ${lineCount}\\b`), 'not a JSON object'],
    1,
  );
});

test('a missing commit file is a missing-version error naming the version', async () => {
  const table = await tableWithCommits('missing_version', 5);
  rmSync(logPath(table, commitFileName(2)));
  await assertDeltaError(table.readSnapshot(), table, 'missing-version', ['version 2'], 2);
  await assertDeltaError(table.readSnapshot({ version: 3 }), table, 'missing-version', ['version 2'], 2);
  assert.equal(
    (await table.readSnapshot({ version: 1 })).files.length,
    2,
    'versions before the gap still read',
  );
  // A version past the end is missing too, and says which versions exist.
  await assertDeltaError(table.readSnapshot({ version: 99 }), table, 'missing-version', ['up to 4'], 99);
});

test('a truncated checkpoint is a corrupt-checkpoint error naming the version', async () => {
  const table = await tableWithCommits('truncated_checkpoint', 12);
  const checkpoint = logPath(table, checkpointFileName(10));
  assert.ok(existsSync(checkpoint));
  truncateSync(checkpoint, Math.floor(statSync(checkpoint).size / 2));
  await assertDeltaError(table.readSnapshot(), table, 'corrupt-checkpoint', [checkpointFileName(10)], 10);
  assert.equal(
    (await table.readSnapshot({ version: 9 })).files.length,
    10,
    'versions before it replay from JSON',
  );
});

test('a table needing an unsupported reader feature is refused, naming the feature', async (t) => {
  await t.test('deletionVectors (reader v3): read, but never written', async () => {
    const table = newTable('deletion_vectors');
    writeCommit(table, 0, [
      {
        protocol: {
          minReaderVersion: 3,
          minWriterVersion: 7,
          readerFeatures: ['deletionVectors'],
          writerFeatures: ['deletionVectors'],
        },
      },
      metaData({ 'delta.enableDeletionVectors': 'true' }),
    ]);
    assert.equal((await table.readSnapshot()).files.length, 0);
    await assertDeltaError(write(table, 'SELECT 1::BIGINT AS id'), table, 'unsupported-feature', [
      'deletionVectors',
    ]);
    assert.deepEqual(dataFiles(table), [], 'nothing was written');
    // A vector that cannot be read is an error naming the table, never "no rows deleted".
    await engine.db.run('COPY (SELECT 1::BIGINT AS id) TO $1 (FORMAT parquet)', [
      join(table.path, 'b.parquet'),
    ]);
    writeCommit(table, 1, [
      {
        add: {
          path: 'b.parquet',
          partitionValues: {},
          size: 1,
          modificationTime: 0,
          dataChange: true,
          deletionVector: {
            storageType: 'u',
            pathOrInlineDv: 'ab^-aqEH.-t@S}K{vb[*k^',
            offset: 1,
            sizeInBytes: 40,
            cardinality: 1,
          },
        },
      },
    ]);
    const snapshot = await table.readSnapshot();
    assert.equal(snapshot.files.length, 1, 'the file keeps its vector');
    await assertDeltaError(
      registerSnapshotView(engine.db, { catalog: 'temp', schema: 'main', name: 'dv_missing' }, snapshot),
      engine.table(table.path),
      'missing-file',
      ['deletion_vector', 'ab^-aqEH.-t@S}K{vb[*k^'],
    );
  });

  await t.test('column mapping by name', async () => {
    const table = newTable('column_mapping');
    writeCommit(table, 0, [
      { protocol: { minReaderVersion: 2, minWriterVersion: 5 } },
      metaData(
        { 'delta.columnMapping.mode': 'name', 'delta.columnMapping.maxColumnId': '1' },
        { 'delta.columnMapping.id': 1, 'delta.columnMapping.physicalName': 'col-5f1e9a2c' },
      ),
    ]);
    await assertDeltaError(table.readSnapshot(), table, 'unsupported-feature', ['columnMapping'], 0);
  });

  await t.test('a reader version beyond 3', async () => {
    const table = newTable('reader_v4');
    writeCommit(table, 0, [{ protocol: { minReaderVersion: 4, minWriterVersion: 7 } }, metaData()]);
    await assertDeltaError(table.readSnapshot(), table, 'unsupported-feature', ['readerVersion4'], 0);
  });

  await t.test(
    'a feature enabled by a later commit: old versions still read, new ones are refused',
    async () => {
      const table = await tableWithCommits('upgraded', 2);
      writeCommit(table, 2, [
        {
          protocol: {
            minReaderVersion: 3,
            minWriterVersion: 7,
            readerFeatures: ['v2Checkpoint'],
            writerFeatures: ['v2Checkpoint'],
          },
        },
      ]);
      await assertDeltaError(table.readSnapshot(), table, 'unsupported-feature', ['v2Checkpoint'], 2);
      assert.equal((await table.readSnapshot({ version: 1 })).files.length, 2);
    },
  );

  await t.test('supported reader features and writer-only features are readable', async () => {
    const table = newTable('timestamp_ntz');
    writeCommit(table, 0, [
      {
        protocol: {
          minReaderVersion: 3,
          minWriterVersion: 7,
          readerFeatures: ['timestampNtz'],
          writerFeatures: ['timestampNtz'],
        },
      },
      metaData(),
    ]);
    assert.equal((await table.readSnapshot()).version, 0);
    const writerOnly = newTable('writer_only');
    writeCommit(writerOnly, 0, [
      { protocol: { minReaderVersion: 1, minWriterVersion: 7, writerFeatures: ['generatedColumns'] } },
      metaData(),
    ]);
    assert.equal((await writerOnly.readSnapshot()).version, 0);
    await assertDeltaError(
      write(writerOnly, 'SELECT 1::BIGINT AS id'),
      writerOnly,
      'unsupported-feature',
      ['generatedColumns'],
      0,
    );
  });
});

test('a folder that is not a Delta table is a not-a-table error', async () => {
  const empty = newTable('empty_folder');
  mkdirSync(empty.path, { recursive: true });
  await assertDeltaError(empty.readSnapshot(), empty, 'not-a-table', []);
  await assertDeltaError(empty.readHistory(), empty, 'not-a-table', []);
  assert.equal(await empty.exists(), false);

  const missing = newTable('no_such_folder');
  await assertDeltaError(missing.readSnapshot(), missing, 'not-a-table', []);

  const parquetOnly = newTable('parquet_only');
  mkdirSync(parquetOnly.path, { recursive: true });
  await engine.db.run('COPY (SELECT 1 AS id) TO $1 (FORMAT parquet)', [join(parquetOnly.path, 'x.parquet')]);
  await assertDeltaError(parquetOnly.readSnapshot(), parquetOnly, 'not-a-table', []);

  const emptyLog = newTable('empty_log');
  mkdirSync(join(emptyLog.path, '_delta_log'), { recursive: true });
  writeFileSync(join(emptyLog.path, '_delta_log', '_commit_0.json.tmp'), '{}');
  await assertDeltaError(emptyLog.readSnapshot(), emptyLog, 'not-a-table', []);
});

test('an append with a mismatched schema is refused, naming the columns', async () => {
  const table = newTable('schema_mismatch');
  await write(table, "SELECT 1::BIGINT AS id, 'a' AS name, 1.5::DOUBLE AS amount");
  const files = dataFiles(table);

  const renamed = await write(table, "SELECT 2::BIGINT AS id, 'b' AS nm, 2.5::DOUBLE AS amount").then(
    () => assert.fail('expected a SchemaMismatchError'),
    (e: unknown) => e,
  );
  assert.ok(renamed instanceof SchemaMismatchError, String(renamed));
  assert.equal(renamed.table, table.name);
  assert.ok(renamed.message.includes(table.name));
  assert.ok(
    renamed.problems.some((p) => p.includes('"name"') && p.includes('missing')),
    renamed.message,
  );
  assert.ok(
    renamed.problems.some((p) => p.includes('"nm"') && p.includes('extra')),
    renamed.message,
  );
  assert.match(renamed.message, /schemaMode "merge"/, 'the message says how to evolve the schema');

  await assert.rejects(write(table, "SELECT 'x' AS id, 'b' AS name, 2.5::DOUBLE AS amount"), (e: unknown) => {
    assert.ok(e instanceof SchemaMismatchError);
    assert.match(e.message, /column "id" is long in the table but string in the data/);
    return true;
  });
  await assert.rejects(write(table, "SELECT 3::BIGINT AS id, 'c' AS name"), (e: unknown) => {
    assert.ok(e instanceof SchemaMismatchError);
    assert.match(e.message, /missing column "amount" \(double\)/);
    return true;
  });
  assert.equal((await table.readSnapshot()).version, 0, 'nothing was committed');
  assert.deepEqual(dataFiles(table), files, 'no data file was written');

  // Widening (int → long, float → double) is not a mismatch.
  const widened = await write(table, "SELECT 4::INTEGER AS id, 'd' AS name, 4.5::FLOAT AS amount");
  assert.equal(widened.version, 1);
  const rows = await canonicalObjects(engine.db, await table.readSnapshot());
  assert.deepEqual(rows.map((r) => r.id).sort(), ['1', '4']);
});

test('schemaMode merge adds a nullable column; old rows read NULL; types cannot change', async () => {
  const table = newTable('schema_merge');
  await write(table, "SELECT 1::BIGINT AS id, 'a' AS name");
  await write(table, "SELECT 2::BIGINT AS id, 'b' AS name, DATE '2024-03-01' AS admitted", {
    schemaMode: 'merge',
  });
  const snap = await table.readSnapshot();
  assert.deepEqual(snap.schema.fields.at(-1), field('admitted', 'date', true));
  const rows = await canonicalObjects(engine.db, snap);
  const byId = new Map(rows.map((r) => [r.id, r]));
  assert.deepEqual(byId.get('1'), { id: '1', name: 'a', admitted: null });
  assert.deepEqual(byId.get('2'), { id: '2', name: 'b', admitted: '2024-03-01' });
  // The old version keeps its old schema.
  assert.equal((await table.readSnapshot({ version: 0 })).schema.fields.length, 2);
  await assert.rejects(
    write(table, 'SELECT 3::BIGINT AS id, 5 AS name', { schemaMode: 'merge' }),
    (e: unknown) => e instanceof SchemaMismatchError && /column "name" is string/.test(e.message),
  );
});

test('vacuum with a retention below 7 days is refused without allowShortRetention', async () => {
  const table = newTable('vacuum_guard');
  await write(table, 'SELECT 1::BIGINT AS id');
  await write(table, 'SELECT 2::BIGINT AS id', { mode: 'overwrite' });
  const files = dataFiles(table);
  assert.equal(files.length, 2);
  for (const retentionHours of [0, 1, 167]) {
    await assertDeltaError(vacuumTable(table, { retentionHours }), table, 'invalid-operation', [
      `${retentionHours} hours`,
      'allow-short-retention',
    ]);
    await assertDeltaError(
      vacuumTable(table, { retentionHours, dryRun: true }),
      table,
      'invalid-operation',
      [],
    );
  }
  await assertDeltaError(
    vacuumTable(table, { retentionHours: -1, allowShortRetention: true }),
    table,
    'invalid-operation',
    ['-1'],
  );
  assert.deepEqual(dataFiles(table), files, 'nothing was deleted');
  assert.equal((await table.readSnapshot()).version, 1, 'nothing was committed');
  // The default (and any longer) retention keeps the freshly removed file.
  assert.deepEqual((await vacuumTable(table)).files, []);
  assert.deepEqual((await vacuumTable(table, { retentionHours: 200 })).files, []);
  assert.deepEqual(dataFiles(table), files);
  const dry = await vacuumTable(table, { retentionHours: 0, allowShortRetention: true, dryRun: true });
  assert.equal(dry.files.length, 1);
  assert.deepEqual(dataFiles(table), files, 'a dry run deletes nothing');
});

test('replaceWhere is refused on a non-partition column, without append, and with rows outside it', async () => {
  const table = newTable('replace_where');
  await write(table, "SELECT i::BIGINT AS id, 'u' || (i % 2)::VARCHAR AS unit FROM range(4) r(i)", {
    partitionBy: ['unit'],
  });
  const files = dataFiles(table);
  await assertDeltaError(
    write(table, "SELECT 9::BIGINT AS id, 'u0' AS unit", { mode: 'overwrite', replaceWhere: { id: ['9'] } }),
    table,
    'invalid-operation',
    ['"id"', 'not a partition column'],
  );
  await assertDeltaError(
    write(table, "SELECT 9::BIGINT AS id, 'u0' AS unit", { replaceWhere: { unit: ['u0'] } }),
    table,
    'invalid-operation',
    ['overwrite'],
  );
  await assertDeltaError(
    write(table, "SELECT 9::BIGINT AS id, 'u1' AS unit", {
      mode: 'overwrite',
      replaceWhere: { unit: ['u0'] },
    }),
    table,
    'invalid-operation',
    ['outside'],
  );
  assert.equal((await table.readSnapshot()).version, 0, 'nothing was committed');
  assert.deepEqual(dataFiles(table), files, 'refused writes leave no data files');
  // The legal form replaces just that partition.
  await write(table, "SELECT 9::BIGINT AS id, 'u0' AS unit", {
    mode: 'overwrite',
    replaceWhere: { unit: ['u0'] },
  });
  const rows = await canonicalObjects(engine.db, await table.readSnapshot());
  assert.deepEqual(rows.map((r) => `${r.unit}:${r.id}`).sort(), ['u0:9', 'u1:1', 'u1:3']);
});

test('replaceFiles removes exactly the named files, writes every source, and refuses files that are not live or outside replaceWhere', async () => {
  const table = newTable('replace_files');
  await write(table, "SELECT 1::BIGINT AS id, 'u0' AS unit UNION ALL SELECT 2, 'u1'", {
    partitionBy: ['unit'],
  });
  await write(table, "SELECT 3::BIGINT AS id, 'u0' AS unit");
  const before = await table.readSnapshot();
  const u0 = before.files.filter((f) => f.partitionValues.unit === 'u0');
  assert.equal(u0.length, 2);
  const [first, second] = u0;
  await assertDeltaError(
    write(table, "SELECT 9::BIGINT AS id, 'u0' AS unit", {
      mode: 'overwrite',
      replaceFiles: ['unit=u0/gone.parquet'],
    }),
    table,
    'invalid-operation',
    ['unit=u0/gone.parquet', 'not a live file'],
  );
  await assertDeltaError(
    write(table, "SELECT 9::BIGINT AS id, 'u0' AS unit", {
      mode: 'overwrite',
      replaceWhere: { unit: ['u1'] },
      replaceFiles: [first!.path],
    }),
    table,
    'invalid-operation',
    ['outside replaceWhere'],
  );
  await assertDeltaError(
    write(table, "SELECT 9::BIGINT AS id, 'u0' AS unit", { replaceFiles: [first!.path] }),
    table,
    'invalid-operation',
    ['overwrite'],
  );
  assert.equal((await table.readSnapshot()).version, before.version, 'nothing was committed');
  // Replace the first u0 file by two sources (one per partition, declared): the second u0 file
  // and the u1 file stay, the same add actions.
  const result = await writeTable(table, engine.writer, {
    source: [
      { kind: 'query', sql: "SELECT 10::BIGINT AS id, 'u0' AS unit", partitionValues: { unit: 'u0' } },
      { kind: 'query', sql: "SELECT 11::BIGINT AS id, 'u1' AS unit", partitionValues: { unit: 'u1' } },
    ],
    mode: 'overwrite',
    replaceWhere: { unit: ['u0', 'u1'] },
    replaceFiles: [first!.path],
  });
  assert.deepEqual([result.filesAdded, result.filesRemoved, result.rowsWritten], [2, 1, 2]);
  const after = await table.readSnapshot();
  for (const f of before.files.filter((g) => g.path !== first!.path))
    assert.deepEqual(
      after.files.find((g) => g.path === f.path),
      f,
      'an untouched file stays as it was',
    );
  assert.ok(!after.files.some((f) => f.path === first!.path));
  assert.ok(second);
  const rows = await canonicalObjects(engine.db, after);
  assert.deepEqual(rows.map((r) => `${r.unit}:${r.id}`).sort(), ['u0:10', 'u0:3', 'u1:11', 'u1:2']);
});

test('int64 values above 2^53 survive in data, in stats, and through a checkpoint', async () => {
  const table = newTable('int64');
  const big = '9007199254740993';
  await write(table, `SELECT ${big}::BIGINT AS big, -${big}::BIGINT AS neg, 1::BIGINT AS n`);
  const commit = readFileSync(logPath(table, commitFileName(0)), 'utf8');
  assert.ok(commit.includes(`\\"big\\":${big}`), 'the stats text holds the exact value');
  assert.ok(commit.includes(`\\"neg\\":-${big}`));
  const [file] = (await table.readSnapshot()).files;
  const stats = parseLosslessJson(file!.stats!) as {
    minValues: Record<string, unknown>;
    maxValues: Record<string, unknown>;
  };
  assert.equal(stats.minValues.big, BigInt(big));
  assert.equal(stats.maxValues.neg, -BigInt(big));
  const rows = await canonicalObjects(engine.db, await table.readSnapshot());
  assert.deepEqual(rows, [{ big, neg: `-${big}`, n: '1' }]);

  // A hand-made commit with int64 sizes and times beyond 2^53 (as a huge table's log can hold).
  const hugeAdd: Action = {
    add: {
      path: 'huge.parquet',
      partitionValues: {},
      size: BigInt(big),
      modificationTime: BigInt(big) + 2n,
      dataChange: true,
      stats: `{"numRecords":${big}}`,
    },
  };
  writeCommit(table, 1, [{ commitInfo: { timestamp: 1_700_000_000_000, operation: 'WRITE' } }, hugeAdd]);
  const fromJson = (await table.readSnapshot()).files.find((f) => f.path === 'huge.parquet')!;
  assert.equal(fromJson.size, BigInt(big));
  assert.equal(fromJson.modificationTime, BigInt(big) + 2n);
  // Commits up to version 10 write a checkpoint; the values come back exact from it.
  for (let v = 2; v <= 10; v++)
    await write(table, `SELECT ${v}::BIGINT AS big, 0::BIGINT AS neg, 0::BIGINT AS n`);
  assert.ok(existsSync(logPath(table, checkpointFileName(10))));
  for (let v = 0; v < 10; v++) rmSync(logPath(table, commitFileName(v)));
  const snap = await table.readSnapshot();
  assert.equal(snap.version, 10);
  const fromCheckpoint = snap.files.find((f) => f.path === 'huge.parquet')!;
  assert.equal(fromCheckpoint.size, BigInt(big), 'size from the checkpoint');
  assert.equal(fromCheckpoint.modificationTime, BigInt(big) + 2n, 'modificationTime from the checkpoint');
  const bigStats = snap.files.find((f) => f.stats?.includes(`"big":${big}`));
  assert.ok(bigStats, 'long stats from the checkpoint keep every digit');
  assert.equal(snap.sizeInBytes() > Number.MAX_SAFE_INTEGER, true);
});

test('write modes, partitioning, time travel and restore refuse what cannot be done', async () => {
  const table = newTable('guards');
  let clock = Date.UTC(2024, 5, 1);
  const clocked = DeltaTable.at(
    table.path,
    { checkpoints: engine.checkpoints, now: () => (clock += 1000) },
    table.name,
  );
  await writeTable(clocked, engine.writer, {
    source: { kind: 'query', sql: "SELECT 1::BIGINT AS id, 'a' AS unit" },
    partitionBy: ['unit'],
  });
  await assertDeltaError(
    writeTable(clocked, engine.writer, {
      source: { kind: 'query', sql: "SELECT 2::BIGINT AS id, 'b' AS unit" },
      mode: 'error',
    }),
    clocked,
    'invalid-operation',
    ['already exists'],
  );
  const ignored = await writeTable(clocked, engine.writer, {
    source: { kind: 'query', sql: "SELECT 2::BIGINT AS id, 'b' AS unit" },
    mode: 'ignore',
  });
  assert.equal(ignored.status, 'skipped');
  await assertDeltaError(
    writeTable(clocked, engine.writer, {
      source: { kind: 'query', sql: "SELECT 2::BIGINT AS id, 'b' AS unit" },
      partitionBy: ['id'],
    }),
    clocked,
    'invalid-operation',
    ['partitionBy (id)', 'partitioning (unit)'],
  );
  assert.equal((await clocked.readSnapshot()).version, 0);

  // Time travel before the first commit names the oldest version.
  const first = (await clocked.readHistory())[0]!.timestamp;
  await assertDeltaError(
    clocked.readSnapshot({ timestamp: new Date(first.getTime() - 60_000) }),
    clocked,
    'missing-version',
    ['oldest available is 0'],
  );

  // Restore to a version whose files vacuum deleted names the missing files.
  await writeTable(clocked, engine.writer, {
    source: { kind: 'query', sql: "SELECT 3::BIGINT AS id, 'c' AS unit" },
    mode: 'overwrite',
  });
  const gone = (await clocked.readSnapshot({ version: 0 })).files.map((f) => f.path);
  await vacuumTable(clocked, { retentionHours: 0, allowShortRetention: true });
  await assertDeltaError(
    restoreTable(clocked, { version: 0 }),
    clocked,
    'missing-file',
    [gone[0]!.replace(/%3D/g, '=')],
    0,
  );
  await assertDeltaError(
    restoreTable(clocked, { version: (await clocked.readSnapshot()).version }),
    clocked,
    'invalid-operation',
    ['already at that version'],
  );
});
