import { UsageError } from '../../errors/usage-error.js';
import type { DataType, Literal } from './proto/messages.js';

/** A value bound to a Spark SQL parameter (the DuckDB engine's parameter kinds, plus Date). */
export type SparkSqlParam =
  | string
  | number
  | bigint
  | boolean
  | null
  | Date
  | readonly string[]
  | readonly number[];

/** Parameters by name (`:name` in the SQL) or by position (`?`). */
export type SparkSqlParams = Readonly<Record<string, SparkSqlParam>> | readonly SparkSqlParam[];

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * The Spark literal for a parameter value (pure): string → STRING, boolean → BOOLEAN, an
 * integral number → INT (LONG beyond 32 bits), any other number → DOUBLE, bigint → LONG, Date →
 * TIMESTAMP (an instant, microseconds), null → a NULL literal, a list of strings or numbers →
 * ARRAY<STRING> or ARRAY<LONG>/ARRAY<DOUBLE>. Values travel as literals, never inside the SQL text.
 * A value Spark cannot hold (a bigint beyond 64 bits, NaN dates) is a UsageError naming it.
 *
 * @example
 * toSparkLiteral(42); // { integer: 42 }
 */
export function toSparkLiteral(value: SparkSqlParam, name = 'parameter'): Literal {
  if (value === null) return { null: { null: {} } };
  if (typeof value === 'string') return { string: value };
  if (typeof value === 'boolean') return { boolean: value };
  if (typeof value === 'bigint') {
    if (value < INT64_MIN || value > INT64_MAX)
      throw new UsageError(`${name} ${value} does not fit Spark's LONG (64-bit); pass it as a string`);
    return { long: value.toString() };
  }
  if (typeof value === 'number') return numberLiteral(value);
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new UsageError(`${name} is an invalid Date; pass a valid one`);
    return { timestamp: (BigInt(ms) * 1000n).toString() };
  }
  return arrayLiteral(value, name);
}

function numberLiteral(value: number): Literal {
  if (Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX) return { integer: value };
  if (Number.isSafeInteger(value)) return { long: String(value) };
  return { double: value };
}

function arrayLiteral(values: readonly (string | number)[], name: string): Literal {
  const strings = values.every((v) => typeof v === 'string');
  const numbers = values.every((v) => typeof v === 'number');
  if (!strings && !numbers) throw new UsageError(`${name} mixes strings and numbers; pass one kind per list`);
  const integral = numbers && (values as number[]).every((v) => Number.isSafeInteger(v));
  const elementType: DataType = strings ? { string: {} } : integral ? { long: {} } : { double: {} };
  const elements: Literal[] = values.map((v) =>
    strings ? { string: v as string } : integral ? { long: String(v) } : { double: v as number },
  );
  return { array: { elementType, elements } };
}
