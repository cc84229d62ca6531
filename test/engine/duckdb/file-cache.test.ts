import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DuckDbDatabase } from '../../../src/engine/duckdb/duckdb-database.js';

// Guarantee (duckdb-database.ts): reading Parquet files keeps none of their bytes in DuckDB's
// memory, so a long-running watcher that reads each batch's new files does not grow with them.
const dir = mkdtempSync(join(tmpdir(), 'carelake-file-cache-'));
const db = await DuckDbDatabase.open({ threads: 1 });
after(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

test('Parquet files read are not kept in an external file cache', async () => {
  for (let i = 0; i < 5; i++) {
    const file = join(dir, `part-${i}.parquet`);
    await db.run(
      'COPY (SELECT range AS id, md5(range::VARCHAR) AS h FROM range(50000)) TO $1 (FORMAT parquet)',
      [file],
    );
    const [row] = await db.readRows('SELECT count(DISTINCT h) AS n FROM read_parquet($1)', [file]);
    assert.equal(Number(row?.n), 50000);
  }
  const [cache] = await db.readRows(
    "SELECT coalesce(sum(memory_usage_bytes), 0) AS bytes FROM duckdb_memory() WHERE tag = 'EXTERNAL_FILE_CACHE'",
  );
  assert.equal(Number(cache?.bytes), 0);
});
