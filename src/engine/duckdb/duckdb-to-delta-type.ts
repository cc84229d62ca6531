import { type DuckDBType, DuckDBTypeId } from '@duckdb/node-api';
import type { DeltaType } from '../../delta/schema.js';

/**
 * The Delta type that stores a DuckDB column, or null for an untyped NULL column. Types Delta
 * lacks are widened so the value survives: naive and non-microsecond timestamps become
 * `timestamp` (read as UTC), HUGEINT and UBIGINT become decimals, unsigned types the next signed
 * size, UUID/ENUM/TIME/INTERVAL text. Never produces TIMESTAMP_NS, HUGEINT or unsigned types.
 *
 * @example
 * duckdbToDeltaType(BIGINT); // 'long'
 */
export function duckdbToDeltaType(type: DuckDBType): DeltaType | null {
  switch (type.typeId) {
    case DuckDBTypeId.SQLNULL:
      return null;
    case DuckDBTypeId.BOOLEAN:
      return 'boolean';
    case DuckDBTypeId.TINYINT:
      return 'byte';
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.UTINYINT:
      return 'short';
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.USMALLINT:
      return 'integer';
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.INTEGER_LITERAL:
      return 'long';
    case DuckDBTypeId.UBIGINT:
      return 'decimal(20,0)';
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.BIGNUM:
      return 'decimal(38,0)';
    case DuckDBTypeId.FLOAT:
      return 'float';
    case DuckDBTypeId.DOUBLE:
      return 'double';
    case DuckDBTypeId.DECIMAL:
      return `decimal(${type.width},${type.scale})`;
    case DuckDBTypeId.DATE:
      return 'date';
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return 'timestamp';
    case DuckDBTypeId.BLOB:
    case DuckDBTypeId.BIT:
      return 'binary';
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
      return {
        type: 'array',
        elementType: duckdbToDeltaType(type.valueType) ?? 'string',
        containsNull: true,
      };
    case DuckDBTypeId.MAP:
      return {
        type: 'map',
        keyType: duckdbToDeltaType(type.keyType) ?? 'string',
        valueType: duckdbToDeltaType(type.valueType) ?? 'string',
        valueContainsNull: true,
      };
    case DuckDBTypeId.STRUCT:
      return {
        type: 'struct',
        fields: type.entryNames.map((name, i) => ({
          name,
          type: duckdbToDeltaType(type.entryTypes[i]!) ?? 'string',
          nullable: true,
          metadata: {},
        })),
      };
    default:
      return 'string';
  }
}
