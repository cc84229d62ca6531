/**
 * The one fixed salt carelake ships, for `carelake demo` only: it is public, so anything hashed
 * with it is NOT pseudonymised. Its text says so wherever it ends up. Never use it for real data.
 */
export const DEMO_HASH_SALT = 'carelake-DEMO-ONLY-public-salt-NOT-for-real-data';
