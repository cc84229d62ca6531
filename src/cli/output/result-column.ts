import { DuckDBTypeId } from '@duckdb/node-api';

/** A result column: its name and how its values are rendered. */
export interface ResultColumn {
  name: string;
  kind: 'integer' | 'decimal' | 'float' | 'boolean' | 'timestamptz' | 'text' | 'nested';
}

const INTEGER_IDS = new Set<number>([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.UHUGEINT,
]);

/**
 * Classifies a DuckDB column type for output.
 *
 * @example
 * resultColumnKind(DuckDBTypeId.BIGINT); // 'integer'
 */
export function resultColumnKind(typeId: DuckDBTypeId): ResultColumn['kind'] {
  if (INTEGER_IDS.has(typeId)) return 'integer';
  if (typeId === DuckDBTypeId.DECIMAL) return 'decimal';
  if (typeId === DuckDBTypeId.FLOAT || typeId === DuckDBTypeId.DOUBLE) return 'float';
  if (typeId === DuckDBTypeId.BOOLEAN) return 'boolean';
  if (typeId === DuckDBTypeId.TIMESTAMP_TZ) return 'timestamptz';
  if (
    typeId === DuckDBTypeId.LIST ||
    typeId === DuckDBTypeId.STRUCT ||
    typeId === DuckDBTypeId.MAP ||
    typeId === DuckDBTypeId.ARRAY
  ) {
    return 'nested';
  }
  return 'text';
}

/**
 * DuckDB's `2025-03-31 08:00:00.5+00` as ISO 8601 UTC (`2025-03-31T08:00:00.5Z`).
 *
 * @example
 * isoTimestamp('2025-03-31 08:00:00+00'); // '2025-03-31T08:00:00Z'
 */
export function isoTimestamp(text: string): string {
  return text.replace(' ', 'T').replace(/\+00(:00)?$/, 'Z');
}
