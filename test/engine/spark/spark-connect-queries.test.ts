import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openTestEngine } from '../../helpers/open-test-engine.js';
import { openSparkClient } from '../../helpers/spark-client.js';

// A real Spark Connect server (npm test starts it; CARELAKE_SPARK_REMOTE names it).
const spark = openSparkClient();

// The same values on both engines, each in its dialect; rows must come back identical.
const SPARK_TYPES = `SELECT CAST(1 AS INT) AS i, CAST(9007199254740993 AS BIGINT) AS l, CAST(1.5 AS DOUBLE) AS d,
  CAST('NaN' AS DOUBLE) AS nan, CAST(1.1 AS FLOAT) AS f, CAST(3 AS TINYINT) AS t, CAST(4 AS SMALLINT) AS sm,
  CAST(-12.34 AS DECIMAL(10,2)) AS de, CAST(0.05 AS DECIMAL(38,2)) AS de38, 'héllo' AS s, true AS b,
  DATE'2024-02-29' AS dt, TIMESTAMP'2024-02-29 12:34:56.789012' AS ts, TIMESTAMP'1969-12-31 23:59:59.5' AS ts_old,
  TIMESTAMP_NTZ'2024-02-29 12:34:56' AS ntz, CAST(NULL AS INT) AS n, array(1, 2) AS arr,
  named_struct('a', 1, 'b', 'x') AS st, map('k', 1) AS m, X'00FF61' AS bl`;
const DUCKDB_TYPES = `SELECT 1::INTEGER AS i, 9007199254740993::BIGINT AS l, 1.5::DOUBLE AS d,
  'NaN'::DOUBLE AS nan, 1.1::FLOAT AS f, 3::TINYINT AS t, 4::SMALLINT AS sm,
  -12.34::DECIMAL(10,2) AS de, 0.05::DECIMAL(38,2) AS de38, 'héllo' AS s, true AS b,
  DATE '2024-02-29' AS dt, TIMESTAMPTZ '2024-02-29 12:34:56.789012+00' AS ts, TIMESTAMPTZ '1969-12-31 23:59:59.5+00' AS ts_old,
  TIMESTAMP '2024-02-29 12:34:56' AS ntz, NULL::INTEGER AS n, [1, 2] AS arr,
  {'a': 1, 'b': 'x'} AS st, MAP {'k': 1} AS m, '\\x00\\xFFa'::BLOB AS bl`;

test('every common type comes back as the DuckDB engine returns it', async () => {
  const rows = await spark.sql(SPARK_TYPES);
  assert.deepEqual(rows, [
    {
      i: 1,
      l: '9007199254740993',
      d: 1.5,
      nan: 'NaN',
      f: 1.100000023841858,
      t: 3,
      sm: 4,
      de: '-12.34',
      de38: '0.05',
      s: 'héllo',
      b: true,
      dt: '2024-02-29',
      ts: '2024-02-29 12:34:56.789012+00',
      ts_old: '1969-12-31 23:59:59.5+00',
      ntz: '2024-02-29 12:34:56',
      n: null,
      arr: [1, 2],
      st: { a: 1, b: 'x' },
      m: [{ key: 'k', value: 1 }],
      bl: '\\x00\\xFFa',
    },
  ]);
  const engine = await openTestEngine();
  assert.deepEqual(rows, await engine.db.readRows(DUCKDB_TYPES));
});

test('named and positional parameters are bound as literals, never spliced into the text', async () => {
  const rows = await spark.sql(
    'SELECT :i AS i, :l AS l, :d AS d, :s AS s, :b AS b, :n AS n, :ts AS ts, :list AS list, typeof(:l) AS lt',
    {
      i: 7,
      l: 2n ** 40n,
      d: 0.25,
      s: "x' OR '1'='1",
      b: false,
      n: null,
      ts: new Date(Date.UTC(2024, 1, 29, 1, 2, 3, 4)),
      list: ['a', 'b'],
    },
  );
  assert.deepEqual(rows, [
    {
      i: 7,
      l: '1099511627776',
      d: 0.25,
      s: "x' OR '1'='1",
      b: false,
      n: null,
      ts: '2024-02-29 01:02:03.004+00',
      list: ['a', 'b'],
      lt: 'bigint',
    },
  ]);
  assert.deepEqual(await spark.sql('SELECT ? + ? AS sum, ? AS s', [40, 2, 'two']), [{ sum: 42, s: 'two' }]);
  const filtered = await spark.sql('SELECT id FROM range(10) WHERE id >= :min ORDER BY id', { min: 8 });
  assert.deepEqual(filtered, [{ id: '8' }, { id: '9' }]);
});

test('a large result arrives over many Arrow batches, reattached across server stream limits, each row once', async () => {
  const n = 300_000;
  let batches = 0;
  let rows = 0;
  let sum = 0n;
  const reattaches: string[] = [];
  for await (const batch of spark.streamSql(
    "SELECT id, repeat('x', 100) AS pad FROM range(:n)",
    { n },
    { onReattach: (why) => reattaches.push(why) },
  )) {
    batches += 1;
    rows += batch.length;
    for (const row of batch) sum += BigInt(row.id as string);
  }
  assert.equal(rows, n);
  assert.equal(sum, (BigInt(n) * BigInt(n - 1)) / 2n);
  assert.ok(batches > 5, `${batches} batches`);
  // The test server closes a result stream after 4 MiB (scripts/spark-server.sh): ~33 MB needs reattaching.
  assert.ok(reattaches.length >= 3, `${reattaches.length} reattaches`);
  assert.ok(reattaches.every((why) => why === 'stream-ended'));
});

test('an empty result is an empty list, as on DuckDB', async () => {
  assert.deepEqual(await spark.sql('SELECT id FROM range(0)'), []);
  assert.deepEqual(await spark.sql('SELECT id FROM range(10) WHERE id > :max', { max: 100 }), []);
});

test('stopping early releases the execution and leaves the session usable', async () => {
  for await (const batch of spark.streamSql('SELECT id FROM range(1000000)')) {
    assert.ok(batch.length > 0);
    break;
  }
  assert.deepEqual(await spark.sql('SELECT 1 AS one'), [{ one: 1 }]);
});

test('SQL commands run eagerly and return the rows they output', async () => {
  assert.deepEqual(await spark.command('CREATE OR REPLACE TEMPORARY VIEW carelake_v AS SELECT 1 AS x'), []);
  const tables = await spark.command("SHOW TABLES LIKE 'carelake_v'");
  assert.deepEqual(tables, [{ namespace: '', tableName: 'carelake_v', isTemporary: true }]);
  assert.deepEqual(await spark.sql('SELECT x FROM carelake_v'), [{ x: 1 }]);
});
