import { UsageError } from '../errors/usage-error.js';
import { assertUsableSalt } from './salt-policy.js';

/** The environment variables a salt is read from, in order of preference. */
export const SALT_VARIABLES = ['CARELAKE_HASH_SALT', 'FABRIC_POC_HASH_SALT'] as const;

/**
 * The MRN hash salt from the environment: `CARELAKE_HASH_SALT`, else the tutorial's
 * `FABRIC_POC_HASH_SALT`. Missing or too short is a UsageError (exit 2) that says how to set one;
 * there is deliberately no default, so real data can never be hashed with a public key.
 *
 * @example
 * const salt = resolveHashSalt(io.env);
 */
export function resolveHashSalt(env: Readonly<Record<string, string | undefined>>): string {
  for (const name of SALT_VARIABLES) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    assertUsableSalt(value, name);
    return value;
  }
  throw new UsageError(
    'no hash salt: MRNs are pseudonymised with HMAC-SHA-256 and need a secret key. ' +
      'Set one of at least 16 characters, e.g. export CARELAKE_HASH_SALT="$(openssl rand -hex 32)" ' +
      '(FABRIC_POC_HASH_SALT is accepted too)',
  );
}
