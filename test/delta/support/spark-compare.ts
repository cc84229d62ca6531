import assert from 'node:assert/strict';
import type { DeltaType } from '../../../src/delta/schema.js';
import type { Snapshot } from '../../../src/delta/snapshot.js';
import type { DuckDbDatabase } from '../../../src/engine/duckdb/duckdb-database.js';
import { canonicalRows, canonicalRowTexts } from './canonical-rows.js';
import type { SparkAnswer } from './spark-session.js';

/**
 * The type text Spark prints (`DataType.simpleString`) for the column it reads from a Delta type.
 *
 * @example
 * sparkTypeText({ type: 'array', elementType: 'long', containsNull: true }); // 'array<bigint>'
 */
export function sparkTypeText(type: DeltaType): string {
  if (typeof type !== 'string') {
    if (type.type === 'array') return `array<${sparkTypeText(type.elementType)}>`;
    if (type.type === 'map') return `map<${sparkTypeText(type.keyType)},${sparkTypeText(type.valueType)}>`;
    return `struct<${type.fields.map((f) => `${f.name}:${sparkTypeText(f.type)}`).join(',')}>`;
  }
  const names: Record<string, string> = {
    long: 'bigint',
    integer: 'int',
    short: 'smallint',
    byte: 'tinyint',
  };
  return names[type] ?? type;
}

/**
 * Asserts that Spark and carelake see the same table version: the same columns with the Spark
 * types the Delta schema implies, and the same rows (sorted canonical JSON). Returns carelake's
 * rows for further checks.
 *
 * @example
 * await assertSameAsSpark(engine.db, snap, await spark.read(path), 'kpis v0');
 */
export async function assertSameAsSpark(
  db: DuckDbDatabase,
  snapshot: Snapshot,
  spark: SparkAnswer,
  label: string,
): Promise<string[]> {
  assert.deepEqual(
    spark.columns,
    snapshot.schema.fields.map((f) => [f.name, sparkTypeText(f.type)]),
    `${label}: Spark's columns and types`,
  );
  const ours = await canonicalRows(db, snapshot);
  const theirs = canonicalRowTexts(spark.rows);
  assert.equal(
    theirs.length,
    ours.length,
    `${label}: row count (Spark ${theirs.length}, carelake ${ours.length})`,
  );
  if (theirs.join('\n') !== ours.join('\n')) {
    const onlySpark = theirs.filter((r) => !ours.includes(r)).slice(0, 3);
    const onlyOurs = ours.filter((r) => !theirs.includes(r)).slice(0, 3);
    assert.fail(
      `${label}: rows differ\nonly Spark: ${onlySpark.join('\n')}\nonly carelake: ${onlyOurs.join('\n')}`,
    );
  }
  return ours;
}
