import { hmacPadStates } from './hmac-pad-states.js';
import { assertUsableSalt } from './salt-policy.js';
import { compressSha256Block } from './sha256-compress.js';

/**
 * Writes the pseudonym of the ASCII MRN in `mrn[0 .. length)` as 64 lowercase hex bytes at
 * `out[at]`.
 */
export type MrnHexWriter = (mrn: Uint8Array, length: number, out: Uint8Array, at: number) => void;

const BLOCK = 64;
/** Longest message that fits, with its padding, in the one block after the inner pad. */
const ONE_BLOCK = 55;
const HEX = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
// The two hex digits of each byte value, at 2·byte: a byte's digits in two loads, no shifts.
const HEX_PAIRS = Uint8Array.from({ length: 512 }, (_, i) => HEX[i & 1 ? (i >> 1) & 15 : i >> 5]!);

/**
 * The same pseudonym as createMrnHasher (HMAC-SHA-256(salt, mrn) in lowercase hex), from and to
 * bytes: writers that copy pseudonyms into a file as bytes skip building the MRN string, parsing
 * it back and formatting the digest as a string, which together cost as much as the hash.
 * MRNs are short ASCII (one block after the inner pad).
 *
 * @example
 * const write = createMrnHexWriter(salt);
 * write(mrnBytes, 13, out, 0); // out[0 .. 64) = '3f0c…'
 */
export function createMrnHexWriter(salt: string, source = 'the hash salt'): MrnHexWriter {
  assertUsableSalt(salt, source);
  const { inner, outer } = hmacPadStates(Buffer.from(salt, 'utf8'));
  const state = new Int32Array(8);
  const w = new Int32Array(64);
  return (mrn, length, out, at) => {
    if (length > ONE_BLOCK) throw new Error(`an MRN of ${length} bytes is longer than this hasher takes`);
    // Plain loops, not fill/set: on 16 and 8 words the builtin calls cost more than the copies.
    for (let i = 0; i < 16; i++) w[i] = 0;
    // Whole words first, in a local: the typed array is read and written once per word.
    const whole = length >> 2;
    for (let k = 0; k < whole; k++) {
      const i = 4 * k;
      w[k] = (mrn[i]! << 24) | (mrn[i + 1]! << 16) | (mrn[i + 2]! << 8) | mrn[i + 3]!;
    }
    let last = 0;
    for (let i = 4 * whole; i < length; i++) last |= mrn[i]! << (24 - 8 * (i & 3));
    w[whole] = last | (0x80 << (24 - 8 * (length & 3)));
    w[15] = (BLOCK + length) * 8;
    for (let i = 0; i < 8; i++) state[i] = inner[i]!;
    compressSha256Block(state, w);
    // Outer hash: the 32-byte inner digest, 0x80, zeros, bit length of pad + digest (768).
    for (let i = 0; i < 8; i++) w[i] = state[i]!;
    w[8] = 0x80000000;
    for (let i = 9; i < 15; i++) w[i] = 0;
    w[15] = (BLOCK + 32) * 8;
    for (let i = 0; i < 8; i++) state[i] = outer[i]!;
    compressSha256Block(state, w);
    let to = at;
    for (let i = 0; i < 8; i++) {
      const word = state[i]!;
      for (let shift = 24; shift >= 0; shift -= 8) {
        const pair = ((word >>> shift) & 255) << 1;
        out[to] = HEX_PAIRS[pair]!;
        out[to + 1] = HEX_PAIRS[pair + 1]!;
        to += 2;
      }
    }
  };
}
