import { UsageError } from '../errors/usage-error.js';

/** The shortest salt accepted: a shorter key makes the MRN pseudonyms guessable by brute force. */
export const MIN_SALT_LENGTH = 16;

/**
 * Refuses a salt that is too short to protect MRNs. The message names where the salt came from
 * and its length, never the salt itself, so it is safe to print and log.
 *
 * @example
 * assertUsableSalt(process.env.CARELAKE_HASH_SALT ?? '', 'CARELAKE_HASH_SALT');
 */
export function assertUsableSalt(salt: string, source: string): void {
  if (salt.length < MIN_SALT_LENGTH) {
    throw new UsageError(
      `${source} is ${salt.length} characters long; a hash salt needs at least ${MIN_SALT_LENGTH}. ` +
        `Set a longer secret, e.g. export ${source}="$(openssl rand -hex 32)"`,
    );
  }
}
