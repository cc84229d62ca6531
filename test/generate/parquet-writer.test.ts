import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DuckDbDatabase } from '../../src/engine/duckdb/duckdb-database.js';
import { LANDING_DATASETS, type LandingDataset } from '../../src/generate/datasets/landing-schemas.js';
import { daysFromCivil } from '../../src/generate/output/landing-text-value.js';
import { ParquetDatasetFile } from '../../src/generate/output/parquet-dataset-file.js';
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
