import { randomBytes } from 'node:crypto';
import type { DuckDbEngine } from '../../engine/duckdb/duckdb-engine.js';
import type { AccessTokenRecord } from './access-token-record.js';
import { hashTokenSecret } from './hash-token-secret.js';
import type { Role } from './role.js';
import { formatToken } from './token-text.js';
import { writeAccessTokens } from './write-access-tokens.js';

/**
 * Creates a token with a random id and a 256-bit random secret, stores only its salted scrypt
 * hash, and returns the token text (shown once; it cannot be recovered) with its record.
 *
 * @example
 * const { token } = await createAccessToken(engine, lakeDir, { role: 'analyst', name: 'ana', expiresAt: null, now: new Date() });
 */
export async function createAccessToken(
  engine: DuckDbEngine,
  lakeDir: string,
  request: { role: Role; name: string; expiresAt: Date | null; now: Date },
): Promise<{ token: string; record: AccessTokenRecord }> {
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const { salt, hash } = await hashTokenSecret(secret);
  const record: AccessTokenRecord = {
    token_id: id,
    name: request.name,
    role: request.role,
    salt,
    hash,
    created_at: request.now.toISOString(),
    expires_at: request.expiresAt?.toISOString() ?? null,
    revoked_at: null,
  };
  await writeAccessTokens(engine, lakeDir, [record], 'append');
  return { token: formatToken({ id, secret }), record };
}
