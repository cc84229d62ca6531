import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DuckDbDatabase } from '../../src/engine/duckdb/duckdb-database.js';
import { LANDING_DATASETS, type LandingColumn } from '../../src/generate/datasets/landing-schemas.js';
import { VENV_PYTHON } from '../helpers/project-root.js';
import { generateSample } from './support/generate-sample.js';

// What an independent reader (Arrow's C++ Parquet reader, as used by pyarrow, delta-rs and
// many Spark-adjacent tools) must see for each landing type.
const ARROW_TYPE: Record<LandingColumn['type'], string> = {
  VARCHAR: 'string',
  INTEGER: 'int32',
  BOOLEAN: 'bool',
  DOUBLE: 'double',
  'DECIMAL(12,2)': 'decimal128(12, 2)',
  DATE: 'date32[day]',
  TIMESTAMPTZ: 'timestamp[us, tz=UTC]',
};

const READ = `
import json, sys
import pyarrow.parquet as pq
t = pq.read_table(sys.argv[1])
print(json.dumps({
  "rows": t.num_rows,
  "types": {f.name: str(f.type) for f in t.schema},
  "nulls": {n: t.column(n).null_count for n in t.column_names},
  "text": {n: str(t.column(n)[t.num_rows // 2].as_py()) for n in t.column_names},
}))
`;

const { dir } = await generateSample({ counts: { admissions: 2_000, claims: 5_000, events: 150_000 } });
const db = await DuckDbDatabase.open({ threads: 1 });
after(() => db.close());

describe('generated Parquet read by pyarrow (an independent Parquet implementation)', () => {
  for (const dataset of Object.values(LANDING_DATASETS)) {
    test(`${dataset.name}: same rows, types, nulls and values as DuckDB reads`, async () => {
      const path = join(dir, `${dataset.name}.parquet`);
      const arrow = JSON.parse(execFileSync(VENV_PYTHON, ['-c', READ, path], { encoding: 'utf8' })) as {
        rows: number;
        types: Record<string, string>;
        nulls: Record<string, number>;
        text: Record<string, string>;
      };
      const [counts] = await db.readRows(
        `SELECT count(*) AS n, ${dataset.columns.map((c) => `count(*) - count("${c.name}") AS "${c.name}"`).join(', ')}
         FROM read_parquet($1)`,
        [path],
      );
      assert.equal(arrow.rows, Number(counts!.n));
      for (const c of dataset.columns) {
        assert.equal(arrow.types[c.name], ARROW_TYPE[c.type], `${c.name} type`);
        assert.equal(arrow.nulls[c.name], Number(counts![c.name]), `${c.name} nulls`);
      }
      const [middle] = await db.readRows(
        `SELECT * FROM read_parquet($1) LIMIT 1 OFFSET ${Math.floor(arrow.rows / 2)}`,
        [path],
      );
      for (const c of dataset.columns.filter((c) => c.type === 'VARCHAR' || c.type === 'INTEGER')) {
        const value = middle![c.name];
        assert.equal(arrow.text[c.name], value === null ? 'None' : String(value), `${c.name} value`);
      }
    });
  }
});
