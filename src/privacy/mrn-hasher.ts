import { createHmac } from 'node:crypto';
import { assertUsableSalt } from './salt-policy.js';

/** Turns a raw MRN into its pseudonym. */
export type MrnHasher = (mrn: string) => string;

/**
 * A function that pseudonymises MRNs as HMAC-SHA-256(salt, mrn) in 64 lowercase hex characters.
 * A keyed hash, not a plain SHA-256: MRNs are short numbers, so an unkeyed hash of every possible
 * MRN is a lookup table away from the original.
 *
 * @example
 * const hash = createMrnHasher(salt);
 * hash(rawMrn); // '3f0c…' (64 hex)
 */
export function createMrnHasher(salt: string, source = 'the hash salt'): MrnHasher {
  assertUsableSalt(salt, source);
  return (mrn) => createHmac('sha256', salt).update(mrn, 'utf8').digest('hex');
}
