import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { DeltaTable } from '../../src/delta/delta-table.js';
import { DeltaTableError } from '../../src/delta/delta-table-error.js';
import { commitFileName } from '../../src/delta/log-file-names.js';
import { vacuumTable } from '../../src/delta/vacuum-table.js';
import { writeTable } from '../../src/delta/write-table.js';
import { registerSnapshotView } from '../../src/engine/duckdb/register-snapshot-view.js';
import { qualifiedName } from '../../src/lakehouse/lake-table.js';
import { readLakeTables } from '../../src/lakehouse/read-lake-tables.js';
import { makeGeneratedLake } from '../helpers/generated-lake.js';
import { openTestEngine } from '../helpers/open-test-engine.js';
import { queryLake, runPipeline } from '../helpers/pipeline-lake.js';
import { tempDir } from '../helpers/temp-dir.js';
import { canonicalRows } from './support/canonical-rows.js';
import { assertSameAsSpark } from './support/spark-compare.js';
import { SparkSession } from './support/spark-session.js';
import { writeCheckpointedTable } from './support/write-checkpointed-table.js';

// Interop with real Spark (PySpark + delta-spark, installed by scripts/setup-python.sh), both
// ways, in one Spark session for the whole file (a JVM start costs seconds). Spark reads every
// table of a built lake and the kinds of table carelake writes (partitions with special values,
// checkpoints, time travel, history) and writes to them; carelake reads what Spark writes
// (special partition values, Spark checkpoints, OPTIMIZE/ZORDER, MERGE, UPDATE, DELETE, the
// table features recent Delta offers) or refuses with "unsupported feature X" — never wrong rows.

const root = tempDir('carelake-spark-');
const sparkStarting = SparkSession.start(root);
// A clock that moves one second per reading, so commits are one second apart. It starts an hour
// ago: Spark refuses to travel to versions older than the table's deleted-file retention.
let clock = Math.floor(Date.now() / 1000) * 1000 - 3_600_000;
const engine = await openTestEngine({ now: () => (clock += 1000) });
const lake = await makeGeneratedLake();
await runPipeline(lake, 'all');
const spark = await sparkStarting;

/** Delta SQL names a path table as delta.`path`. */
const at = (path: string) => `delta.\`${path}\``;

function query(sql: string, params?: unknown[]) {
  return params === undefined ? { kind: 'query' as const, sql } : { kind: 'query' as const, sql, params };
}

async function rowsOf(table: DeltaTable, version?: number): Promise<string[]> {
  return canonicalRows(engine.db, await table.readSnapshot(version === undefined ? {} : { version }));
}

test('Spark reads every table carelake writes', async (t) => {
  await t.test('every table of a built lake: Spark types, row counts and rows', async () => {
    const tables = await readLakeTables(lake);
    assert.ok(tables.length >= 20, `the lake has its catalogue (${tables.length} tables)`);
    const answers = await spark.readMany(tables.map((lt) => lt.path));
    for (const [i, lt] of tables.entries()) {
      const snap = await engine.table(lt.path, qualifiedName(lt)).readSnapshot();
      const answer = answers[i]!;
      await assertSameAsSpark(engine.db, snap, answer, qualifiedName(lt));
      for (const [name, type] of answer.columns)
        assert.ok(!/decimal\(\d+,0\)/.test(type), `${qualifiedName(lt)}.${name} is ${type} in Spark`);
    }
  });

  await t.test('partitions with special characters, unicode, empty and NULL values', async () => {
    const table = engine.table(join(root, 'cl-partitioned'), 'cl-partitioned');
    await writeTable(table, engine.writer, {
      source:
        query(`SELECT c1::BIGINT AS id, c2::VARCHAR AS p, c3::DATE AS pd, c4::INTEGER AS pi, c5::TIMESTAMPTZ AS ts
        FROM (VALUES (1, 'a/b=c %x', DATE '2024-01-01', 1, TIMESTAMPTZ '2024-01-02 03:04:05.123456+00'),
                     (2, 'quote''', NULL, NULL, NULL), (3, 'Zürich 日本', DATE '2024-01-02', 2, NULL),
                     (4, NULL, DATE '2024-01-01', 3, NULL), (5, '', NULL, 4, NULL),
                     (6, 'a b+c?d#e&f:g*h', DATE '2024-01-03', -1, NULL), (7, '%25', DATE '2024-01-03', 0, NULL)
        ) v(c1, c2, c3, c4, c5)`),
      partitionBy: ['p', 'pd', 'pi'],
    });
    const snap = await table.readSnapshot();
    await assertSameAsSpark(engine.db, snap, await spark.read(table.path), 'partitioned');
    // Spark prunes by the log's partition values: each filter must find exactly its rows.
    const filtered = async (where: string) =>
      (await spark.read(table.path, {}, where)).rows.map((r) => String(r.id)).sort();
    assert.deepEqual(await filtered('p IS NULL'), ['4', '5']);
    assert.deepEqual(await filtered("p = 'a/b=c %x'"), ['1']);
    assert.deepEqual(await filtered("p = 'Zürich 日本'"), ['3']);
    assert.deepEqual(await filtered("p = '%25'"), ['7']);
    assert.deepEqual(await filtered('pd IS NULL AND pi = 4'), ['5']);
  });

  await t.test('a checkpointed table, its checkpoint alone, time travel and history', async () => {
    const table = engine.table(join(root, 'cl-checkpointed'), 'cl-checkpointed');
    await writeCheckpointedTable(engine, table);
    assert.ok(existsSync(join(table.path, '_delta_log', '00000000000000000010.checkpoint.parquet')));
    for (const version of [0, 5, 10, 11]) {
      const answer = await spark.read(table.path, { versionAsOf: String(version) });
      await assertSameAsSpark(
        engine.db,
        await table.readSnapshot({ version }),
        answer,
        `checkpointed v${version}`,
      );
    }
    // Time travel by timestamp: Spark (from the commit files' times) and carelake (from
    // commitInfo) pick the same version at, between and after the commits.
    const history = await table.readHistory();
    for (const h of history.filter((x) => x.version % 3 === 1)) {
      for (const offset of [0, 500]) {
        const when = new Date(h.timestamp.getTime() + offset);
        const stamp = when.toISOString().replace('T', ' ').replace('Z', '');
        const answer = await spark.read(table.path, { timestampAsOf: stamp });
        const snap = await table.readSnapshot({ timestamp: when });
        assert.equal(snap.version, h.version, `carelake as of ${stamp}`);
        await assertSameAsSpark(engine.db, snap, answer, `checkpointed as of ${stamp}`);
      }
    }
    const described = await spark.sql(`DESCRIBE HISTORY ${at(table.path)}`);
    assert.deepEqual(
      described.rows.map((r) => [r.version, r.timestamp, r.operation]),
      history.map((h) => [String(h.version), h.timestamp.toISOString().replace('Z', '000Z'), h.operation]),
      'DESCRIBE HISTORY lists every commit with carelake’s timestamps and operations',
    );
    // With the commits before the checkpoint gone, Spark must start from carelake's checkpoint.
    const cleaned = engine.table(join(root, 'cl-checkpointed-cleaned'), 'cl-checkpointed-cleaned');
    cpSync(table.path, cleaned.path, { recursive: true });
    for (let v = 0; v < 10; v++) rmSync(join(cleaned.path, '_delta_log', commitFileName(v)));
    await assertSameAsSpark(
      engine.db,
      await cleaned.readSnapshot(),
      await spark.read(cleaned.path),
      'cleaned',
    );
  });

  await t.test(
    'Spark appends to and overwrites a lake table; carelake reads it and commits again',
    async () => {
      const lt = (await readLakeTables(lake)).find((x) => x.name === 'gold_healthcare_kpis')!;
      const table = engine.table(lt.path, qualifiedName(lt));
      const v0 = await table.readSnapshot();
      const original = await rowsOf(table);
      const count = async () =>
        Number((await queryLake(lake, 'SELECT count(*) AS n FROM gold_healthcare_kpis'))[0]!.n);
      await spark.write(lt.path, 'append', `SELECT * FROM ${at(lt.path)} VERSION AS OF ${v0.version}`);
      assert.equal((await table.readSnapshot()).version, v0.version + 1);
      assert.deepEqual(
        await rowsOf(table),
        [...original, ...original].sort(),
        'carelake reads Spark’s append',
      );
      assert.equal(await count(), original.length * 2, '`carelake sql` sees it too');
      const firstThree = `SELECT drg_code FROM ${at(lt.path)} VERSION AS OF ${v0.version} ORDER BY drg_code LIMIT 3`;
      await spark.write(
        lt.path,
        'overwrite',
        `SELECT * FROM ${at(lt.path)} VERSION AS OF ${v0.version} WHERE drg_code IN (${firstThree})`,
      );
      const kept = await spark.read(lt.path);
      await assertSameAsSpark(engine.db, await table.readSnapshot(), kept, 'after Spark’s overwrite');
      assert.equal(kept.rows.length, 3, 'the overwrite kept three rows');
      // carelake commits after Spark did, and Spark reads carelake's commit.
      await registerSnapshotView(engine.db, { catalog: 'temp', schema: 'main', name: 'kpis_v0' }, v0);
      const written = await writeTable(table, engine.writer, {
        source: query(
          'SELECT * FROM kpis_v0 WHERE drg_code NOT IN (SELECT drg_code FROM kpis_v0 ORDER BY drg_code LIMIT 3)',
        ),
      });
      assert.equal(written.version, v0.version + 3);
      await assertSameAsSpark(
        engine.db,
        await table.readSnapshot(),
        await spark.read(lt.path),
        'carelake after Spark',
      );
      assert.deepEqual(
        await rowsOf(table),
        original,
        'Spark’s three rows and carelake’s rest make the original',
      );
      assert.equal(await count(), original.length);
    },
  );
});

test('carelake reads what Spark writes, or refuses with "unsupported feature X"', async (t) => {
  const sp = join(root, 'spark-tables');

  /** carelake's read of every version of a Spark table equals Spark's. */
  const sameAtEveryVersion = async (path: string, label: string) => {
    const table = engine.table(path, label);
    const latest = (await table.readSnapshot()).version;
    for (let v = 0; v <= latest; v++) {
      const snap = await table.readSnapshot({ version: v });
      const answer = await spark.read(path, { versionAsOf: String(v) });
      await assertSameAsSpark(engine.db, snap, answer, `${label} v${v}`);
      assert.equal(snap.numRecords(), answer.rows.length, `${label} v${v}: numRecords from Spark's stats`);
    }
    return latest;
  };

  const refusal = async (path: string, version?: number): Promise<DeltaTableError> => {
    const table = engine.table(path, path);
    const error = await table.readSnapshot(version === undefined ? {} : { version }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof DeltaTableError, `carelake refuses ${path}: got ${String(error)}`);
    assert.equal(error.problem, 'unsupported-feature');
    return error;
  };

  await t.test(
    'special partition values, Spark checkpoints, UPDATE, DELETE, MERGE, OPTIMIZE, ZORDER',
    async () => {
      const path = join(sp, 'partitioned');
      await spark.sql(
        `CREATE TABLE ${at(path)} (id BIGINT, p STRING, n INT, amount DECIMAL(10,2), ts TIMESTAMP, d DATE,
         tags ARRAY<STRING>, st STRUCT<a: INT, b: STRING>, m MAP<STRING, INT>, f DOUBLE, flag BOOLEAN)
       USING delta PARTITIONED BY (p, n)
       TBLPROPERTIES (delta.checkpointInterval = 2, delta.enableDeletionVectors = false)`,
      );
      const values = (ids: number[]) =>
        ids
          .map((i) => {
            const p = ['a b', 'x=y', 'a/b', '100%', '日本', '', null, 'a%2Fb', "it''s", 'ü-{}[]'][i % 10];
            const pv = p === null ? 'NULL' : `'${p}'`;
            const n = i % 3 === 0 ? 'NULL' : String(i % 3);
            return `(${i}, ${pv}, ${n}, ${i * 1.25}, TIMESTAMP '2024-01-02 03:04:05.123456' + make_interval(0, 0, 0, ${i}),
                   DATE '2024-02-28' + ${i}, array('t${i}', NULL), named_struct('a', ${i}, 'b', 's${i}'),
                   map('k', ${i}), ${i} / 8.0, ${i % 2 === 0})`;
          })
          .join(', ');
      const insert = (ids: number[]) => spark.sql(`INSERT INTO ${at(path)} VALUES ${values(ids)}`);
      await insert([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      await insert([10, 11, 12, 13, 14]);
      await insert([15, 16, 17, 18, 19, 20]);
      await spark.sql(`UPDATE ${at(path)} SET amount = amount * 2, tags = array('u') WHERE id % 4 = 1`);
      await spark.sql(`DELETE FROM ${at(path)} WHERE id % 5 = 2`);
      await spark.sql(
        `MERGE INTO ${at(path)} t USING (SELECT * FROM VALUES ${values([3, 21, 22])}
         AS s(id, p, n, amount, ts, d, tags, st, m, f, flag)) s
       ON t.id = s.id
       WHEN MATCHED THEN UPDATE SET t.amount = 99.99, t.flag = NULL
       WHEN NOT MATCHED THEN INSERT *`,
      );
      await spark.sql(`OPTIMIZE ${at(path)}`);
      await spark.sql(`OPTIMIZE ${at(path)} ZORDER BY (id, f)`);
      const logFiles = readdirSync(join(path, '_delta_log'));
      assert.ok(
        logFiles.some((f) => f.endsWith('.checkpoint.parquet')),
        `Spark wrote checkpoints: ${logFiles.join(' ')}`,
      );
      const latest = await sameAtEveryVersion(path, 'spark-partitioned');
      assert.ok(latest >= 8, `every operation committed (${latest})`);
      // carelake appends to Spark's table (its partition folders, its checkpoints), Spark reads it.
      const table = engine.table(path, 'spark-partitioned');
      const appended = await writeTable(table, engine.writer, {
        source: query(
          `SELECT c1::BIGINT AS id, c2::VARCHAR AS p, c3::INTEGER AS n, 1.25::DECIMAL(10,2) AS amount,
                  TIMESTAMPTZ '2024-05-06 07:08:09.5+00' AS ts, DATE '2024-05-06' AS d, ['z', NULL]::VARCHAR[] AS tags,
                  {'a': 7, 'b': 'seven'}::STRUCT(a INTEGER, b VARCHAR) AS st, MAP {'k': 7}::MAP(VARCHAR, INTEGER) AS m,
                  0.5::DOUBLE AS f, c4::BOOLEAN AS flag
           FROM (VALUES (100, 'a b', 1, true), (101, NULL, NULL, false), (102, 'x=y/%z 日本', 2, NULL)) v(c1, c2, c3, c4)`,
        ),
      });
      assert.equal(appended.version, latest + 1);
      const answer = await spark.read(path);
      await assertSameAsSpark(engine.db, await table.readSnapshot(), answer, 'carelake append to Spark');
      assert.equal(answer.rows.filter((r) => Number(r.id) >= 100).length, 3);
    },
  );

  await t.test(
    'deletion vectors: carelake applies them at every version, before and after a purge',
    async () => {
      const path = join(sp, 'dv');
      await spark.sql(
        `CREATE TABLE ${at(path)} (id BIGINT, p STRING, v STRING) USING delta PARTITIONED BY (p)
       TBLPROPERTIES (delta.enableDeletionVectors = true)`,
        `INSERT INTO ${at(path)} SELECT id, CASE WHEN id % 2 = 0 THEN 'even' ELSE NULL END, CAST(id AS STRING) FROM range(40)`,
      );
      await spark.sql(`DELETE FROM ${at(path)} WHERE id % 7 = 0`);
      await spark.sql(`UPDATE ${at(path)} SET v = 'updated' WHERE id % 5 = 0`);
      await spark.sql(
        `MERGE INTO ${at(path)} t USING (SELECT id, 'merged' AS v FROM range(30, 45)) s ON t.id = s.id
       WHEN MATCHED AND t.id % 3 = 0 THEN DELETE
       WHEN MATCHED THEN UPDATE SET t.v = s.v
       WHEN NOT MATCHED THEN INSERT (id, p, v) VALUES (s.id, 'new', s.v)`,
      );
      const vectors = (await engine.table(path).readSnapshot()).files.filter((f) => f.deletionVector);
      assert.ok(vectors.length >= 2, `Spark wrote deletion vectors (${vectors.length} live files carry one)`);
      const latest = await sameAtEveryVersion(path, 'dv');
      // carelake does not change such a table: a vacuum would delete the vectors Spark needs.
      const vacuum = await vacuumTable(engine.table(path), {
        retentionHours: 0,
        allowShortRetention: true,
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(
        vacuum instanceof DeltaTableError && vacuum.problem === 'unsupported-feature',
        String(vacuum),
      );
      assert.ok(
        readdirSync(path).some((f) => f.startsWith('deletion_vector_')),
        'the vector files are kept',
      );
      // Purged (files rewritten without the deleted rows), it reads the same.
      await spark.sql(
        `ALTER TABLE ${at(path)} SET TBLPROPERTIES (delta.enableDeletionVectors = false)`,
        `REORG TABLE ${at(path)} APPLY (PURGE)`,
      );
      const purged = await engine.table(path).readSnapshot();
      assert.ok(purged.version > latest && purged.files.every((f) => !f.deletionVector));
      await assertSameAsSpark(engine.db, purged, await spark.read(path), 'dv purged');
    },
  );

  await t.test('timestampNtz is read right', async () => {
    const path = join(sp, 'ntz');
    await spark.sql(
      `CREATE TABLE ${at(path)} (id BIGINT, local TIMESTAMP_NTZ, instant TIMESTAMP) USING delta`,
      `INSERT INTO ${at(path)} VALUES (1, TIMESTAMP_NTZ '2024-03-31 02:30:00.123456', TIMESTAMP '2024-03-31 02:30:00'),
                                      (2, NULL, NULL), (3, TIMESTAMP_NTZ '1999-12-31 23:59:59', TIMESTAMP '2100-01-01 00:00:00')`,
    );
    await sameAtEveryVersion(path, 'ntz');
  });

  await t.test('type widening: files written before ALTER COLUMN … TYPE read as the wider type', async () => {
    const path = join(sp, 'type-widening');
    await spark.sql(
      `CREATE TABLE ${at(path)} (id INT, amount DECIMAL(5, 2), p SMALLINT) USING delta PARTITIONED BY (p)
       TBLPROPERTIES (delta.enableTypeWidening = true)`,
      `INSERT INTO ${at(path)} VALUES (1, 123.45, 1), (2147483647, NULL, NULL), (NULL, -0.01, 2)`,
      `ALTER TABLE ${at(path)} ALTER COLUMN id TYPE BIGINT`,
      `ALTER TABLE ${at(path)} ALTER COLUMN amount TYPE DECIMAL(12, 2)`,
      `ALTER TABLE ${at(path)} ALTER COLUMN p TYPE INT`,
      `INSERT INTO ${at(path)} VALUES (9007199254740993, 1234567890.12, 70000)`,
    );
    const snap = await engine.table(path).readSnapshot();
    assert.deepEqual(
      snap.protocol.readerFeatures,
      ['typeWidening'],
      'the table needs the typeWidening reader feature',
    );
    await sameAtEveryVersion(path, 'type-widening');
  });

  await t.test('features carelake cannot read are refused by name', async () => {
    const mapped = join(sp, 'column-mapping');
    await spark.sql(
      `CREATE TABLE ${at(mapped)} (id BIGINT, name STRING) USING delta
       TBLPROPERTIES (delta.columnMapping.mode = 'name')`,
      `INSERT INTO ${at(mapped)} VALUES (1, 'a'), (2, 'b')`,
      `ALTER TABLE ${at(mapped)} RENAME COLUMN name TO label`,
    );
    assert.match((await refusal(mapped)).message, /unsupported feature columnMapping/);
    const v2 = join(sp, 'v2-checkpoint');
    await spark.sql(
      `CREATE TABLE ${at(v2)} (id BIGINT) USING delta
       TBLPROPERTIES (delta.checkpointPolicy = 'v2', delta.checkpointInterval = 2)`,
      `INSERT INTO ${at(v2)} VALUES (1)`,
      `INSERT INTO ${at(v2)} VALUES (2)`,
      `INSERT INTO ${at(v2)} VALUES (3)`,
    );
    assert.match((await refusal(v2)).message, /unsupported feature v2Checkpoint/);
  });

  await t.test(
    'writer-only features (clustering, row tracking, in-commit timestamps) are read right',
    async () => {
      const path = join(sp, 'modern');
      await spark.sql(
        `CREATE TABLE ${at(path)} (id BIGINT, g STRING) USING delta CLUSTER BY (id)
       TBLPROPERTIES (delta.enableRowTracking = true, delta.enableInCommitTimestamps = true)`,
        `INSERT INTO ${at(path)} VALUES (1, 'a'), (2, NULL)`,
        `INSERT INTO ${at(path)} VALUES (3, 'c')`,
      );
      await sameAtEveryVersion(path, 'modern');
      const history = await engine.table(path).readHistory();
      const described = await spark.sql(`DESCRIBE HISTORY ${at(path)}`);
      assert.deepEqual(
        described.rows.map((r) => [r.version, r.timestamp]),
        history.map((h) => [String(h.version), h.timestamp.toISOString().replace('Z', '000Z')]),
        'in-commit timestamps are the history’s timestamps',
      );
      // carelake does not write these features, so it refuses to change the table.
      const write = await writeTable(engine.table(path), engine.writer, {
        source: query("SELECT 4::BIGINT AS id, 'd' AS g"),
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(write instanceof DeltaTableError && write.problem === 'unsupported-feature', String(write));
      assert.match(write.message, /unsupported feature \w+ for writing/);
    },
  );
});
