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
  return `MRN-${String(mrnValue(index, seed)).padStart(9, '0')}`;
}

/** Length of an MRN in bytes ('MRN-' and nine digits). */
export const MRN_BYTES = 13;

/**
 * The same MRN as mrnForPatient, written as ASCII bytes into out[0 .. MRN_BYTES): for hashing
 * with no string built (see createMrnHexWriter).
 *
 * @example
 * writeMrnForPatient(0, 42, bytes); // bytes = 'MRN-…'
 */
export function writeMrnForPatient(index: number, seed: number, out: Uint8Array): void {
  out[0] = 77; // M
  out[1] = 82; // R
  out[2] = 78; // N
  out[3] = 45; // -
  let value = mrnValue(index, seed);
  for (let i = MRN_BYTES - 1; i >= 4; i--) {
    out[i] = 48 + (value % 10);
    value = Math.floor(value / 10);
  }
}

function mrnValue(index: number, seed: number): number {
  const offset = (seed * 2_654_435_761) % SPACE;
  return (mulMod(index % SPACE, MULTIPLIER) + offset) % SPACE;
}

// a·b mod 10^9 without leaving exact double precision: split b into 15-bit halves.
function mulMod(a: number, b: number): number {
  const hi = Math.floor(b / 32768);
  const lo = b % 32768;
  return (((a * hi) % SPACE) * 32768 + a * lo) % SPACE;
}
