import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost: N = 2^15 takes tens of ms, so guessing is slow; servers cache verified tokens. */
const PARAMS = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_BYTES = 32;

function derive(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, KEY_BYTES, PARAMS, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/**
 * A new random salt and the scrypt hash of `secret` with it, both base64url.
 *
 * @example
 * const { salt, hash } = await hashTokenSecret(secret);
 */
export async function hashTokenSecret(secret: string): Promise<{ salt: string; hash: string }> {
  const salt = randomBytes(16);
  return { salt: salt.toString('base64url'), hash: (await derive(secret, salt)).toString('base64url') };
}

/**
 * True when `secret` hashes to `hash` with `salt`; compared in constant time.
 *
 * @example
 * await verifyTokenSecret(secret, salt, hash); // true
 */
export async function verifyTokenSecret(secret: string, salt: string, hash: string): Promise<boolean> {
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(secret, Buffer.from(salt, 'base64url'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
