import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { registerSnapshotView } from '../../../src/engine/duckdb/register-snapshot-view.js';
import { quoteSparkIdentifier } from '../../../src/engine/spark/quote-spark-identifier.js';
import { openTestEngine } from '../../helpers/open-test-engine.js';
import { openSparkClient } from '../../helpers/spark-client.js';
import { tempDir } from '../../helpers/temp-dir.js';

// Spark's own Delta writer (the server runs with Delta's extension and catalog) writes a table
// at a temporary path; Spark, carelake's Delta reader and DuckDB then read the same rows.
const spark = openSparkClient();

test('a Delta table created, filled and read through Spark Connect is read identically by carelake', async () => {
  const path = join(tempDir('carelake-spark-delta-'), 'encounters `odd` name');
  const table = `delta.${quoteSparkIdentifier(path)}`;
  await spark.command(
    `CREATE TABLE ${table} (encounter_id BIGINT, ward STRING, admitted_at TIMESTAMP, admit_date DATE,
       charge DECIMAL(12,2), los_days DOUBLE, readmitted BOOLEAN) USING DELTA PARTITIONED BY (admit_date)`,
  );
  assert.ok(existsSync(join(path, '_delta_log', '00000000000000000000.json')));
  const rows = [
    {
      id: 1n,
      ward: 'ICU',
      at: new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 123)),
      day: '2024-02-29',
      charge: '1234.50',
      los: 2.5,
      readmitted: false,
    },
    {
      id: 2n,
      ward: "O'Brien wing",
      at: new Date(Date.UTC(2024, 2, 1, 0, 0, 0)),
      day: '2024-03-01',
      charge: '0.05',
      los: 0,
      readmitted: true,
    },
    {
      id: 3n,
      ward: null,
      at: new Date(Date.UTC(2024, 2, 1, 12, 0, 0)),
      day: '2024-03-01',
      charge: '-10.00',
      los: 1,
      readmitted: null,
    },
  ];
  // One statement, one commit: a marker per value (:id0, :ward0, …), every value bound.
  const tuples = rows.map(
    (_, i) =>
      `(:id${i}, :ward${i}, :at${i}, CAST(:day${i} AS DATE), CAST(:charge${i} AS DECIMAL(12,2)), :los${i}, :readmitted${i})`,
  );
  const params = Object.fromEntries(
    rows.flatMap((row, i) => Object.entries(row).map(([key, value]) => [`${key}${i}`, value] as const)),
  );
  await spark.command(`INSERT INTO ${table} VALUES ${tuples.join(', ')}`, params);
  await spark.command(`UPDATE ${table} SET los_days = los_days + :extra WHERE encounter_id = :id`, {
    extra: 0.5,
    id: 1n,
  });

  const expected = [
    {
      encounter_id: '1',
      ward: 'ICU',
      admitted_at: '2024-02-29 23:59:59.123+00',
      admit_date: '2024-02-29',
      charge: '1234.50',
      los_days: 3,
      readmitted: false,
    },
    {
      encounter_id: '2',
      ward: "O'Brien wing",
      admitted_at: '2024-03-01 00:00:00+00',
      admit_date: '2024-03-01',
      charge: '0.05',
      los_days: 0,
      readmitted: true,
    },
    {
      encounter_id: '3',
      ward: null,
      admitted_at: '2024-03-01 12:00:00+00',
      admit_date: '2024-03-01',
      charge: '-10.00',
      los_days: 1,
      readmitted: null,
    },
  ];
  const columns = 'encounter_id, ward, admitted_at, admit_date, charge, los_days, readmitted';
  assert.deepEqual(await spark.sql(`SELECT ${columns} FROM ${table} ORDER BY encounter_id`), expected);

  const engine = await openTestEngine();
  const snapshot = await engine.table(path).readSnapshot();
  assert.equal(snapshot.version, 2);
  assert.deepEqual(snapshot.partitionColumns, ['admit_date']);
  await registerSnapshotView(engine.db, { catalog: 'temp', schema: 'main', name: 'spark_written' }, snapshot);
  assert.deepEqual(
    await engine.db.readRows(`SELECT ${columns} FROM spark_written ORDER BY encounter_id`),
    expected,
  );

  // An aggregate computed by each engine over the same table agrees too.
  const aggregate = 'SELECT admit_date, count(*) AS n, sum(charge) AS total FROM';
  assert.deepEqual(
    await spark.sql(`${aggregate} ${table} GROUP BY admit_date ORDER BY admit_date`),
    await engine.db.readRows(`${aggregate} spark_written GROUP BY admit_date ORDER BY admit_date`),
  );
});
