import { createHmac } from 'node:crypto';
import { hmacPadStates } from './hmac-pad-states.js';
import { assertUsableSalt } from './salt-policy.js';
import { compressSha256Block } from './sha256-compress.js';

/** Turns a raw MRN into its pseudonym. */
export type MrnHasher = (mrn: string) => string;

const BLOCK = 64;
/** Longest message that fits, with its padding, in the one block after the inner pad. */
const ONE_BLOCK = 55;

/**
 * A function that pseudonymises MRNs as HMAC-SHA-256(salt, mrn) in 64 lowercase hex characters.
 * A keyed hash, not a plain SHA-256: MRNs are short numbers, so an unkeyed hash of every possible
 * MRN is a lookup table away from the original.
 *
 * The generator hashes every patient once (a million at medium scale), and a node:crypto Hmac
 * object per call spent most of its time on setup: the key's two pad blocks and the native
 * object. Here the pads are compressed once, so a short ASCII MRN costs two block compressions
 * (message, then outer digest); anything longer or non-ASCII takes node:crypto's Hmac. Tested
 * byte for byte against node:crypto.
 *
 * @example
 * const hash = createMrnHasher(salt);
 * hash(rawMrn); // '3f0c…' (64 hex)
 */
export function createMrnHasher(salt: string, source = 'the hash salt'): MrnHasher {
  assertUsableSalt(salt, source);
  const { inner: innerState, outer: outerState } = hmacPadStates(Buffer.from(salt, 'utf8'));
  const w = new Int32Array(64);
  const state = new Int32Array(8);
  const digest = Buffer.alloc(32);
  return (mrn) => {
    const n = mrn.length;
    if (n > ONE_BLOCK || !fillAsciiBlock(w, mrn, BLOCK + n)) {
      return createHmac('sha256', salt).update(mrn, 'utf8').digest('hex');
    }
    state.set(innerState);
    compressSha256Block(state, w);
    // Outer hash: the 32-byte inner digest, 0x80, zeros, bit length of pad + digest (768).
    for (let i = 0; i < 8; i++) w[i] = state[i]!;
    w[8] = 0x80000000;
    for (let i = 9; i < 15; i++) w[i] = 0;
    w[15] = (BLOCK + 32) * 8;
    state.set(outerState);
    compressSha256Block(state, w);
    for (let i = 0; i < 8; i++) digest.writeInt32BE(state[i]!, i * 4);
    return digest.toString('hex');
  };
}

/**
 * Writes `text` padded as the last block of a message of `totalBytes` bytes into w[0..15];
 * false (w left dirty) when a character is not ASCII, so its UTF-8 bytes differ from its code.
 */
function fillAsciiBlock(w: Int32Array, text: string, totalBytes: number): boolean {
  w.fill(0, 0, 16);
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return false;
    w[i >> 2] = w[i >> 2]! | (c << (24 - 8 * (i & 3)));
  }
  w[n >> 2] = w[n >> 2]! | (0x80 << (24 - 8 * (n & 3)));
  w[15] = totalBytes * 8;
  return true;
}
