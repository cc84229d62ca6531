/**
 * How many decimal digits `n` (a non-negative safe integer) has.
 *
 * @example
 * decimalDigits(0); // 1
 * decimalDigits(900_099); // 6
 */
export function decimalDigits(n: number): number {
  let digits = 1;
  for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
  return digits;
}
