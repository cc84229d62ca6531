import type { Json } from '@duckdb/node-api';
import { isoTimestamp, type ResultColumn, resultColumnKind } from '../../cli/output/result-column.js';
import type { DuckDbDatabase, SqlParams } from '../../engine/duckdb/duckdb-database.js';

/** A query result as the API returns it: typed columns and rows of JSON values. */
export interface QueryResult {
  columns: ResultColumn[];
  /** One array per row, in column order. */
  rows: Json[][];
}

/**
 * Runs a query and reads every row, with numbers as JSON numbers (node-api gives big integers
 * and decimals as text) and timestamps as ISO 8601 UTC.
 *
 * @example
 * const r = await readResult(db, 'SELECT 1 AS n'); // { columns: [{ name: 'n', kind: 'integer' }], rows: [[1]] }
 */
export async function readResult(
  db: DuckDbDatabase,
  sql: string,
  params: SqlParams = {},
): Promise<QueryResult> {
  const result = await db.stream(sql, params);
  const columns = result
    .columnNames()
    .map((name, i) => ({ name, kind: resultColumnKind(result.columnTypeId(i)) }));
  const rows: Json[][] = [];
  for await (const batch of result.yieldRowsJson()) {
    for (const row of batch) rows.push(row.map((v, i) => jsonValue(v, columns[i]!)));
  }
  return { columns, rows };
}

function jsonValue(v: Json, column: ResultColumn): Json {
  if (v === null) return null;
  if (column.kind === 'integer' || column.kind === 'decimal' || column.kind === 'float')
    return typeof v === 'string' ? Number(v) : v;
  if (column.kind === 'timestamptz' && typeof v === 'string') return isoTimestamp(v);
  return v;
}

/**
 * The rows as objects keyed by column name.
 *
 * @example
 * rowObjects(result); // [{ n: 1 }]
 */
export function rowObjects(result: QueryResult): Record<string, Json>[] {
  return result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c.name, row[i] ?? null])));
}
