import { createHash } from 'node:crypto';
import { compressSha256Block, SHA256_INITIAL } from './sha256-compress.js';

const BLOCK = 64;

/** SHA-256 states after the HMAC key's inner and outer pad blocks. */
export interface HmacPadStates {
  inner: Int32Array;
  outer: Int32Array;
}

/**
 * HMAC-SHA-256 of a key, prepared once: the states after compressing key ⊕ 0x36 and key ⊕ 0x5c,
 * so each message then costs only its own blocks (RFC 2104; keys over a block are hashed first).
 *
 * @example
 * const { inner, outer } = hmacPadStates(Buffer.from(salt, 'utf8'));
 */
export function hmacPadStates(rawKey: Buffer): HmacPadStates {
  const key = rawKey.length > BLOCK ? createHash('sha256').update(rawKey).digest() : rawKey;
  const w = new Int32Array(64);
  const inner = SHA256_INITIAL.slice();
  const outer = SHA256_INITIAL.slice();
  padState(inner, key, 0x36, w);
  padState(outer, key, 0x5c, w);
  return { inner, outer };
}

// Compresses the key xor `pad` (one block) into `state`.
function padState(state: Int32Array, key: Buffer, pad: number, w: Int32Array): void {
  for (let i = 0; i < 16; i++) {
    let word = 0;
    for (let j = 0; j < 4; j++) word = (word << 8) | ((key[i * 4 + j] ?? 0) ^ pad);
    w[i] = word;
  }
  compressSha256Block(state, w);
}
