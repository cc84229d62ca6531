import type { LandingColumn } from '../datasets/landing-schemas.js';
import type { ThriftCompactWriter } from './thrift-compact.js';

/** Parquet physical types (parquet.thrift `Type`). */
export const PHYSICAL = { BOOLEAN: 0, INT32: 1, INT64: 2, DOUBLE: 5, BYTE_ARRAY: 6 } as const;

/** How a landing column is stored in Parquet: physical type and the annotations DuckDB reads. */
export interface ParquetColumnType {
  physical: (typeof PHYSICAL)[keyof typeof PHYSICAL];
  /** Legacy ConvertedType, still read by older engines (Spark 2, Fabric). */
  converted?: number;
  scale?: number;
  precision?: number;
  /** Writes the LogicalType union as field 10 of a SchemaElement. */
  logical?: (w: ThriftCompactWriter) => void;
}

const empty = (w: ThriftCompactWriter, id: number) => {
  w.struct(id);
  w.stop();
};

/**
 * The Parquet storage of a landing column type, as DuckDB's own COPY wrote it before: text as
 * UTF-8 strings, DECIMAL(12,2) as INT64 cents, DATE as INT32 days, TIMESTAMPTZ as INT64 micros
 * adjusted to UTC (what Delta, Spark and Fabric read as a timestamp).
 *
 * @example
 * parquetColumnType('TIMESTAMPTZ').physical; // 2 (INT64)
 */
export function parquetColumnType(type: LandingColumn['type']): ParquetColumnType {
  switch (type) {
    case 'VARCHAR':
      return {
        physical: PHYSICAL.BYTE_ARRAY,
        converted: 0,
        logical: (w) => {
          w.struct(10);
          empty(w, 1);
          w.stop();
        },
      };
    case 'INTEGER':
      return { physical: PHYSICAL.INT32 };
    case 'BOOLEAN':
      return { physical: PHYSICAL.BOOLEAN };
    case 'DOUBLE':
      return { physical: PHYSICAL.DOUBLE };
    case 'DECIMAL(12,2)':
      return {
        physical: PHYSICAL.INT64,
        converted: 5,
        scale: 2,
        precision: 12,
        logical: (w) => {
          w.struct(10);
          w.struct(5);
          w.i32(1, 2);
          w.i32(2, 12);
          w.stop();
          w.stop();
        },
      };
    case 'DATE':
      return {
        physical: PHYSICAL.INT32,
        converted: 6,
        logical: (w) => {
          w.struct(10);
          empty(w, 6);
          w.stop();
        },
      };
    case 'TIMESTAMPTZ':
      return {
        physical: PHYSICAL.INT64,
        converted: 10,
        logical: (w) => {
          w.struct(10);
          w.struct(8);
          w.bool(1, true);
          w.struct(2);
          empty(w, 2);
          w.stop();
          w.stop();
          w.stop();
        },
      };
  }
}
