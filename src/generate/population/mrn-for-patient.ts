const SPACE = 1_000_000_000;
// Odd and not a multiple of 5, so multiplying by it permutes 0 … 10^9 - 1 (no two patients share an MRN).
const MULTIPLIER = 618_033_989;

/**
 * The raw MRN of the `index`-th simulated patient: a 9-digit number that looks random but is a
 * bijection of the index. It only ever exists in memory, on its way into the keyed hash.
 *
 * @example
 * mrnForPatient(0, 42); // 'MRN-…' (9 digits)
 */
export function mrnForPatient(index: number, seed: number): string {
  const offset = (seed * 2_654_435_761) % SPACE;
  const value = (mulMod(index % SPACE, MULTIPLIER) + offset) % SPACE;
  return `MRN-${String(value).padStart(9, '0')}`;
}

// a·b mod 10^9 without leaving exact double precision: split b into 15-bit halves.
function mulMod(a: number, b: number): number {
  const hi = Math.floor(b / 32768);
  const lo = b % 32768;
  return (((a * hi) % SPACE) * 32768 + a * lo) % SPACE;
}
