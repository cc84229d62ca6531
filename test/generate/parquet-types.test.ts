import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DuckDbDatabase } from '../../src/engine/duckdb/duckdb-database.js';
import { LANDING_DATASETS } from '../../src/generate/datasets/landing-schemas.js';
import { generateSample } from './support/generate-sample.js';

const { dir } = await generateSample({
  counts: { admissions: 300, claims: 700, staffing: 36, clinicians: 6, events: 500 },
});
const db = await DuckDbDatabase.open({ threads: 1 });
after(() => db.close());

describe('Parquet files use only types Delta, Spark and Fabric read', () => {
  for (const dataset of Object.values(LANDING_DATASETS)) {
    test(`${dataset.name}: the landing schema's columns, timestamps as UTC-adjusted INT64 micros`, async () => {
      const schema = await db.readRows(
        'SELECT name, type, logical_type FROM parquet_schema($1) WHERE type IS NOT NULL',
        [join(dir, `${dataset.name}.parquet`)],
      );
      assert.deepEqual(
        schema.map((c) => c.name),
        dataset.columns.map((c) => c.name),
      );
      for (const c of schema) {
        assert.ok(
          ['BYTE_ARRAY', 'INT32', 'INT64', 'BOOLEAN', 'DOUBLE'].includes(String(c.type)),
          `${c.name} ${c.type}`,
        );
        assert.doesNotMatch(String(c.logical_type), /NANOS=NanoSeconds|isSigned=0/, String(c.name));
      }
      const timestamps = dataset.columns.filter((c) => c.type === 'TIMESTAMPTZ').map((c) => c.name);
      for (const c of schema.filter((s) => timestamps.includes(String(s.name)))) {
        assert.equal(c.type, 'INT64');
        assert.match(String(c.logical_type), /isAdjustedToUTC=1.*MICROS=MicroSeconds/);
      }
    });
  }
});
