/**
 * DuckDB type names the models write in casts (`cast(x as T)`, `x::T`, typed macro parameters)
 * and the Spark SQL type of the same values. Types both engines spell alike (integer, bigint,
 * double, boolean, date, decimal(p,s)) are not listed. `timestamptz` is an instant, which is
 * Spark's TIMESTAMP (LTZ); the models never use a naive timestamp type outside the per-engine
 * macros.
 *
 * @example
 * SPARK_TYPE_NAMES.get('varchar'); // 'string'
 */
export const SPARK_TYPE_NAMES: ReadonlyMap<string, string> = new Map([
  ['varchar', 'string'],
  ['text', 'string'],
  ['timestamptz', 'timestamp'],
  ['ubigint', 'bigint'],
  ['hugeint', 'decimal(38,0)'],
]);
