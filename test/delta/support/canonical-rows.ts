import type { Json } from '@duckdb/node-api';
import type { DeltaType, StructType } from '../../../src/delta/schema.js';
import type { Snapshot } from '../../../src/delta/snapshot.js';
import type { DuckDbDatabase } from '../../../src/engine/duckdb/duckdb-database.js';
import { registerSnapshotView } from '../../../src/engine/duckdb/register-snapshot-view.js';

/**
 * Rows in one canonical JSON form shared with test/interop/delta_rs_common.py, so that what
 * carelake reads through DuckDB and what delta-rs reads through Arrow compare exactly: integers
 * and decimals as exact strings, booleans as 'true'/'false', floats as their shortest text,
 * dates `YYYY-MM-DD`, timestamps `YYYY-MM-DDTHH:MM:SS.ffffffZ` (UTC), lists and structs
 * recursively. A row set is a sorted list of key-sorted JSON texts.
 */

const CATALOG = 'lh_canonical';
const attached = new WeakSet<DuckDbDatabase>();
let viewCounter = 0;

/**
 * Every row of a snapshot, read through carelake's DuckDB view, as canonical JSON texts (sorted).
 *
 * @example
 * const rows = await canonicalRows(engine.db, await table.readSnapshot());
 */
export async function canonicalRows(db: DuckDbDatabase, snapshot: Snapshot): Promise<string[]> {
  const rows = await readViewRows(db, snapshot);
  return rows.map((row) => canonicalRowText(canonicalRecord(snapshot.schema, row))).sort();
}

/**
 * Every row of a snapshot as plain canonical objects (unsorted), for assertions on values.
 *
 * @example
 * const rows = await canonicalObjects(engine.db, snap); rows[0].id; // '1'
 */
export async function canonicalObjects(
  db: DuckDbDatabase,
  snapshot: Snapshot,
): Promise<Record<string, Json>[]> {
  const rows = await readViewRows(db, snapshot);
  return rows.map((row) => canonicalRecord(snapshot.schema, row));
}

/** Rows already in canonical form (as delta-rs printed them), as sorted canonical JSON texts. */
export function canonicalRowTexts(rows: readonly Record<string, Json>[]): string[] {
  return rows.map((r) => canonicalRowText(r)).sort();
}

/** JSON with object keys sorted at every level. @example canonicalRowText({ b: 1, a: 2 }) // '{"a":2,"b":1}' */
export function canonicalRowText(value: Json): string {
  return JSON.stringify(sortKeys(value));
}

async function readViewRows(db: DuckDbDatabase, snapshot: Snapshot): Promise<Record<string, Json>[]> {
  if (!attached.has(db)) {
    await db.run(`ATTACH ':memory:' AS ${CATALOG}`);
    await db.run(`CREATE SCHEMA ${CATALOG}.dbo`);
    attached.add(db);
  }
  const name = `v${++viewCounter}`;
  await registerSnapshotView(db, { catalog: CATALOG, schema: 'dbo', name }, snapshot);
  try {
    return await db.readRows(`SELECT * FROM ${CATALOG}.dbo.${name}`);
  } finally {
    await db.run(`DROP VIEW ${CATALOG}.dbo.${name}`);
  }
}

function canonicalRecord(schema: StructType, row: Record<string, Json>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const f of schema.fields) out[f.name] = canonicalValue(f.type, row[f.name] ?? null);
  return out;
}

/**
 * The canonical form of one value DuckDB returned (as `getRowObjectsJson` renders it) for a
 * column of Delta type `type`.
 *
 * @example
 * canonicalValue('timestamp', '2024-01-02 03:04:05.5+00'); // '2024-01-02T03:04:05.500000Z'
 */
export function canonicalValue(type: DeltaType, value: Json): Json {
  if (value === null) return null;
  if (typeof type !== 'string') {
    if (type.type === 'array') return (value as Json[]).map((v) => canonicalValue(type.elementType, v));
    if (type.type === 'struct') {
      const record = value as Record<string, Json>;
      const out: Record<string, Json> = {};
      for (const f of type.fields) out[f.name] = canonicalValue(f.type, record[f.name] ?? null);
      return out;
    }
    return (value as { key: Json; value: Json }[]).map((e) => [
      canonicalValue(type.keyType, e.key),
      canonicalValue(type.valueType, e.value),
    ]);
  }
  switch (type) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'timestamp':
    case 'timestamp_ntz':
      return canonicalTimestamp(String(value));
    default:
      return String(value);
  }
}

function canonicalTimestamp(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?(?:\+00(?::?00)?|Z)?$/.exec(text);
  if (!m) throw new Error(`unexpected timestamp text from DuckDB: ${text}`);
  return `${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(6, '0')}Z`;
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as Record<string, Json>)[k]!);
    return out;
  }
  return value;
}

/**
 * The Arrow type text pyarrow prints for the column delta-rs returns for a Delta type.
 *
 * @example
 * arrowTypeText({ type: 'array', elementType: 'long', containsNull: true }); // 'list<element: int64>'
 */
export function arrowTypeText(type: DeltaType): string {
  if (typeof type !== 'string') {
    if (type.type === 'array') return `list<element: ${arrowTypeText(type.elementType)}>`;
    if (type.type === 'struct')
      return `struct<${type.fields.map((f) => `${f.name}: ${arrowTypeText(f.type)}`).join(', ')}>`;
    return `map<${arrowTypeText(type.keyType)}, ${arrowTypeText(type.valueType)}>`;
  }
  const decimal = /^decimal\((\d+),\s*(\d+)\)$/.exec(type);
  if (decimal) return `decimal128(${decimal[1]}, ${decimal[2]})`;
  const names: Record<string, string> = {
    long: 'int64',
    integer: 'int32',
    short: 'int16',
    byte: 'int8',
    double: 'double',
    float: 'float',
    string: 'string',
    boolean: 'bool',
    binary: 'binary',
    date: 'date32[day]',
    timestamp: 'timestamp[us, tz=UTC]',
    timestamp_ntz: 'timestamp[us]',
  };
  const name = names[type];
  if (name === undefined) throw new Error(`no Arrow type known for ${type}`);
  return name;
}
