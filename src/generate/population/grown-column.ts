/** A typed array, as the tables of the simulation hold their columns. */
export type Column = Float64Array | Int32Array | Uint8Array;

/**
 * A copy of the typed column `a` with room for `n` entries (its kind kept), for tables that
 * grow by replacing their columns.
 *
 * @example
 * column = grownColumn(column, 2 * column.length);
 */
export function grownColumn<T extends Column>(a: T, n: number): T {
  const b = new (a.constructor as new (length: number) => T)(n);
  b.set(a);
  return b;
}
