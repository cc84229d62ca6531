import type { Role } from './role.js';

/** A stored access token: never the token itself, only its salted scrypt hash. */
export interface AccessTokenRecord {
  token_id: string;
  name: string;
  role: Role;
  salt: string;
  hash: string;
  /** ISO instants. */
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

/** Where tokens live: `lh_audit.dbo.access_tokens`, beside the audit log. */
export const TOKENS_TABLE = { lakehouse: 'lh_audit', name: 'access_tokens' } as const;

/**
 * True when the token may be used at `now`: not revoked, not expired. Pure.
 *
 * @example
 * tokenUsable(record, new Date()); // true
 */
export function tokenUsable(record: AccessTokenRecord, now: Date): boolean {
  if (record.revoked_at !== null) return false;
  return record.expires_at === null || Date.parse(record.expires_at) > now.getTime();
}
