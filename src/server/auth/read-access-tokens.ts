import type { DuckDbEngine } from '../../engine/duckdb/duckdb-engine.js';
import { registerSnapshotView } from '../../engine/duckdb/register-snapshot-view.js';
import { tableDir } from '../../lakehouse/lake-layout.js';
import { type AccessTokenRecord, TOKENS_TABLE } from './access-token-record.js';
import { parseRole } from './role.js';

/**
 * Every stored token record and the table's version (-1 when no token was ever created).
 *
 * @example
 * const { records, version } = await readAccessTokens(engine, lakeDir);
 */
export async function readAccessTokens(
  engine: DuckDbEngine,
  lakeDir: string,
): Promise<{ records: AccessTokenRecord[]; version: number }> {
  const table = engine.table(
    tableDir(lakeDir, TOKENS_TABLE.lakehouse, TOKENS_TABLE.name),
    'lh_audit.dbo.access_tokens',
  );
  if (!(await table.exists())) return { records: [], version: -1 };
  const snapshot = await table.readSnapshot();
  await registerSnapshotView(
    engine.db,
    { catalog: 'temp', schema: 'main', name: 'access_tokens_now' },
    snapshot,
  );
  const rows = await engine.db.readRows(
    `SELECT token_id, name, role, salt, hash, strftime(created_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS created_at,
            strftime(expires_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS expires_at, strftime(revoked_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS revoked_at
     FROM access_tokens_now ORDER BY created_at, token_id`,
  );
  const records = rows.map((r) => ({
    token_id: String(r.token_id),
    name: String(r.name),
    role: parseRole(String(r.role)) ?? 'viewer',
    salt: String(r.salt),
    hash: String(r.hash),
    created_at: String(r.created_at),
    expires_at: r.expires_at === null ? null : String(r.expires_at),
    revoked_at: r.revoked_at === null ? null : String(r.revoked_at),
  }));
  return { records, version: snapshot.version };
}
