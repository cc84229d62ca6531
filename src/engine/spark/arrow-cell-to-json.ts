import type { Json } from '@duckdb/node-api';
import { type Data, type Decimal, type Struct, type Timestamp, Type } from 'apache-arrow';
import { instance as getCell } from 'apache-arrow/visitor/get';

/**
 * One cell of an Arrow column from Spark as the JSON-safe value the DuckDB engine returns for the
 * same SQL (`DuckDbDatabase.readRows`), so rows from both engines compare equal (pure):
 *
 * | Spark type                   | Arrow                   | value                                          |
 * |------------------------------|-------------------------|------------------------------------------------|
 * | BYTE, SHORT, INT, FLOAT, DOUBLE | Int8/16/32, Float32/64 | number (NaN and ±Infinity as 'NaN', 'Infinity', '-Infinity') |
 * | LONG                         | Int64                   | decimal string ('9007199254740993'), never rounded |
 * | DECIMAL(p,s)                 | Decimal128              | string with exactly s decimals ('-1.50')       |
 * | STRING                       | Utf8                    | string                                         |
 * | BOOLEAN                      | Bool                    | boolean                                        |
 * | BINARY                       | Binary                  | string, bytes 0x20–0x7E as is, others and ' " as \xHH |
 * | DATE                         | Date32                  | 'YYYY-MM-DD'                                   |
 * | TIMESTAMP                    | Timestamp(µs, UTC)      | 'YYYY-MM-DD HH:MM:SS[.ffffff]+00' in UTC, trailing zeros cut |
 * | TIMESTAMP_NTZ                | Timestamp(µs)           | 'YYYY-MM-DD HH:MM:SS[.ffffff]'                 |
 * | ARRAY<T>                     | List                    | array of converted elements                    |
 * | STRUCT<…>                    | Struct                  | object of converted fields                     |
 * | MAP<K,V>                     | Map                     | array of { key, value }                        |
 * | NULL, any null               | Null / invalid          | null                                           |
 *
 * Other types (intervals, …) come as Arrow reads them, with 64-bit integers as strings.
 * Timestamps and decimals are read from the raw buffers, so no microsecond or digit is lost.
 *
 * @example
 * arrowCellToJson(column.data[0], 0); // '2024-02-29 12:34:56.789012+00'
 */
export function arrowCellToJson(data: Data, index: number): Json {
  if (data.typeId === Type.Null || !data.getValid(index)) return null;
  switch (data.typeId) {
    case Type.Int:
    case Type.Float: {
      const value = getCell.visit(data, index) as number | bigint;
      return typeof value === 'bigint' ? value.toString() : finiteOrName(value);
    }
    case Type.Decimal: {
      const { scale } = data.type as Decimal;
      const words = (data.values as Uint32Array).subarray(index * data.stride, (index + 1) * data.stride);
      return formatDecimal(wordsToBigInt(words), scale);
    }
    case Type.Date:
      return new Date(getCell.visit(data, index) as number).toISOString().slice(0, 10);
    case Type.Timestamp:
      return formatTimestamp(data as Data<Timestamp>, index);
    case Type.Binary:
    case Type.LargeBinary:
      return formatBlob(getCell.visit(data, index) as Uint8Array);
    case Type.List:
    case Type.LargeList: {
      const offsets = data.valueOffsets as ArrayLike<number | bigint>;
      const out: Json[] = [];
      for (let i = Number(offsets[index]); i < Number(offsets[index + 1]); i++)
        out.push(arrowCellToJson(data.children[0]!, i));
      return out;
    }
    case Type.Struct: {
      const out: Record<string, Json> = {};
      (data.type as Struct).children.forEach((field, k) => {
        out[field.name] = arrowCellToJson(data.children[k]!, index);
      });
      return out;
    }
    case Type.Map: {
      const offsets = data.valueOffsets as Int32Array;
      const entries = data.children[0]!;
      const out: Json[] = [];
      for (let i = offsets[index]!; i < offsets[index + 1]!; i++)
        out.push({
          key: arrowCellToJson(entries.children[0]!, i),
          value: arrowCellToJson(entries.children[1]!, i),
        });
      return out;
    }
    default:
      return jsonSafe(getCell.visit(data, index));
  }
}

function finiteOrName(value: number): Json {
  return Number.isFinite(value) ? value : String(value);
}

function wordsToBigInt(words: Uint32Array): bigint {
  let value = 0n;
  for (let k = words.length - 1; k >= 0; k--) value = (value << 32n) | BigInt(words[k]!);
  const bits = BigInt(words.length * 32);
  return value >= 1n << (bits - 1n) ? value - (1n << bits) : value;
}

function formatDecimal(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const whole = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${whole}` : whole;
}

const MICROS_PER_UNIT: Record<number, bigint> = { 0: 1_000_000n, 1: 1000n, 2: 1n };

function formatTimestamp(data: Data<Timestamp>, index: number): string {
  const { unit, timezone } = data.type;
  const raw = BigInt((data.values as unknown as BigInt64Array)[index]!);
  // Nanoseconds are cut to microseconds, the precision Delta and DuckDB timestamps have.
  const micros = unit === 3 ? floorDiv(raw, 1000n) : raw * MICROS_PER_UNIT[unit]!;
  const seconds = floorDiv(micros, 1_000_000n);
  const fraction = (micros - seconds * 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  const text = new Date(Number(seconds) * 1000).toISOString().slice(0, 19).replace('T', ' ');
  return `${text}${fraction === '' ? '' : `.${fraction}`}${timezone ? '+00' : ''}`;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function formatBlob(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes)
    out +=
      byte >= 0x20 && byte <= 0x7e && byte !== 0x22 && byte !== 0x27
        ? String.fromCharCode(byte)
        : `\\x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

function jsonSafe(value: unknown): Json {
  if (typeof value === 'bigint') return value.toString();
  if (value === null || value === undefined) return null;
  if (typeof value === 'object')
    return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
  return value as Json;
}
