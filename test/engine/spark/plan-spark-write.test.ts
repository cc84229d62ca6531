import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapLakeUri } from '../../../src/engine/spark/map-lake-uri.js';
import { planSparkWrite } from '../../../src/engine/spark/plan-spark-write.js';
import { csvViewName, toSparkStatement } from '../../../src/engine/spark/to-spark-statements.js';
import { UsageError } from '../../../src/errors/usage-error.js';

const T = 'delta.`/lake/t`';

test('a new table is created with its partitions and properties, whatever the mode', () => {
  const plan = planSparkWrite(
    { mode: 'overwrite', partitionBy: ['bucket'], configuration: { 'delta.checkpointInterval': '10' } },
    T,
    'SELECT 1 AS bucket',
    undefined,
  );
  assert.deepEqual(plan, {
    sql: "CREATE TABLE delta.`/lake/t` USING DELTA PARTITIONED BY (`bucket`) TBLPROPERTIES ('delta.checkpointInterval' = '10') AS SELECT 1 AS bucket",
    params: {},
  });
});

test('appends and replaceWhere overwrites select the table columns in the table order, values bound by type', () => {
  assert.equal(
    planSparkWrite({}, T, 'SELECT 2 AS b, 1 AS a', ['a', 'b'])!.sql,
    'INSERT INTO delta.`/lake/t` SELECT `a`, `b` FROM (SELECT 2 AS b, 1 AS a) AS q',
  );
  assert.deepEqual(
    planSparkWrite(
      { mode: 'overwrite', replaceWhere: { bucket: ['2', '3'], day: [null, '2024-01-01'] } },
      T,
      'SELECT * FROM x',
      ['bucket', 'day'],
      new Set(['bucket']),
    ),
    {
      sql: 'INSERT INTO delta.`/lake/t` REPLACE WHERE (`bucket` IN (:rw0, :rw1)) AND (`day` IS NULL OR `day` IN (:rw2)) SELECT `bucket`, `day` FROM (SELECT * FROM x) AS q',
      params: { rw0: 2, rw1: 3, rw2: '2024-01-01' },
    },
  );
});

test('a schema overwrite replaces the table; ignore skips an existing one; error refuses it', () => {
  assert.match(
    planSparkWrite({ mode: 'overwrite', schemaMode: 'overwrite' }, T, 'SELECT 1 AS n', ['m'])!.sql,
    /^CREATE OR REPLACE TABLE delta\.`\/lake\/t` USING DELTA AS SELECT 1 AS n$/,
  );
  assert.equal(
    planSparkWrite({ mode: 'overwrite' }, T, 'SELECT 1 AS n', ['n'])!.sql.startsWith('INSERT OVERWRITE'),
    true,
  );
  assert.equal(planSparkWrite({ mode: 'ignore' }, T, 'SELECT 1 AS n', ['n']), undefined);
  assert.throws(() => planSparkWrite({ mode: 'error' }, T, 'SELECT 1 AS n', ['n']), UsageError);
});

test('temporary tables are materialized, their drops forgotten, lake names and CSV files mapped', () => {
  assert.deepEqual(toSparkStatement('CREATE OR REPLACE TEMP TABLE refused AS SELECT $n::VARCHAR AS x'), {
    kind: 'materialize',
    name: 'refused',
    query: 'SELECT :n::string AS x',
  });
  assert.deepEqual(toSparkStatement('DROP TABLE tail_events'), { kind: 'drop', name: 'tail_events' });
  assert.deepEqual(toSparkStatement('SELECT * FROM lh_silver.dbo.emr_events'), {
    kind: 'sql',
    sql: 'SELECT * FROM `lh_silver__dbo__emr_events`',
  });
  assert.deepEqual(
    toSparkStatement('CREATE OR REPLACE VIEW lh_silver.dbo.emr_events AS SELECT * FROM tail_events'),
    {
      kind: 'sql',
      sql: 'CREATE OR REPLACE TEMPORARY VIEW `lh_silver__dbo__emr_events` AS SELECT * FROM tail_events',
    },
  );
  const files: string[] = [];
  const read = toSparkStatement('SELECT * FROM read_csv($path, header = true)', files);
  assert.deepEqual(files, ['path']);
  assert.ok(read.kind === 'sql' && read.sql.includes(csvViewName('path')));
});

test('lake paths map to the cluster URI of the lake; outside the lake is refused', () => {
  assert.equal(mapLakeUri('/mnt/lake/a/b', '/mnt/lake', undefined), '/mnt/lake/a/b');
  assert.equal(
    mapLakeUri(
      '/mnt/lake/lh_gold.Lakehouse/Tables/dbo/t',
      '/mnt/lake',
      'abfss://ws@onelake.dfs.fabric.microsoft.com/h/',
    ),
    'abfss://ws@onelake.dfs.fabric.microsoft.com/h/lh_gold.Lakehouse/Tables/dbo/t',
  );
  assert.throws(() => mapLakeUri('/elsewhere/t', '/mnt/lake', 's3://b/lake'), UsageError);
});
