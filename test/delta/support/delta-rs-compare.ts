import assert from 'node:assert/strict';
import type { DeltaTable } from '../../../src/delta/delta-table.js';
import type { DuckDbDatabase } from '../../../src/engine/duckdb/duckdb-database.js';
import { arrowTypeText, canonicalRows, canonicalRowTexts } from './canonical-rows.js';
import type { DeltaRsRead } from './run-python.js';

/**
 * Asserts that delta-rs and carelake see the same table at `read.version`: rows (as sorted
 * canonical JSON), Delta schema, Arrow types, partition columns, live files and their record
 * counts. Returns carelake's canonical rows for further checks.
 *
 * @example
 * const rows = await assertSameAsDeltaRs(engine.db, table, read, 'plain v1');
 */
export async function assertSameAsDeltaRs(
  db: DuckDbDatabase,
  table: DeltaTable,
  read: DeltaRsRead,
  label: string,
): Promise<string[]> {
  assert.equal(read.error, undefined, `${label}: delta-rs failed: ${read.error}`);
  const snapshot = await table.readSnapshot({ version: read.version });
  assert.equal(snapshot.version, read.version, `${label}: version`);
  const ours = await canonicalRows(db, snapshot);
  assert.deepEqual(canonicalRowTexts(read.rows), ours, `${label}: rows differ between delta-rs and carelake`);
  assert.deepEqual(
    JSON.parse(JSON.stringify(read.schema)),
    JSON.parse(JSON.stringify(snapshot.schema)),
    `${label}: Delta schema`,
  );
  for (const f of snapshot.schema.fields) {
    assert.equal(read.arrow[f.name], arrowTypeText(f.type), `${label}: Arrow type of ${f.name}`);
  }
  assert.deepEqual(Object.keys(read.arrow).sort(), snapshot.schema.fields.map((f) => f.name).sort());
  assert.deepEqual(read.partitionColumns, [...snapshot.partitionColumns], `${label}: partition columns`);
  const theirFiles = read.files.map((f) => `${f.path} ${f.numRecords}`).sort();
  const ourFiles = snapshot.files
    .map((f) => {
      const stats = f.stats ? (JSON.parse(f.stats) as { numRecords?: number }) : {};
      return `${f.path} ${stats.numRecords ?? null}`;
    })
    .sort();
  assert.deepEqual(theirFiles, ourFiles, `${label}: live files and record counts`);
  return ours;
}
