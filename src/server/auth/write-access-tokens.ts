import { writeTable } from '../../delta/write-table.js';
import type { DuckDbEngine } from '../../engine/duckdb/duckdb-engine.js';
import { tableDir } from '../../lakehouse/lake-layout.js';
import { type AccessTokenRecord, TOKENS_TABLE } from './access-token-record.js';

const COLUMNS =
  '{"token_id":"VARCHAR","name":"VARCHAR","role":"VARCHAR","salt":"VARCHAR","hash":"VARCHAR","created_at":"VARCHAR","expires_at":"VARCHAR","revoked_at":"VARCHAR"}';

/**
 * Writes the token records: `append` adds new ones, `replace` rewrites the table (a revocation).
 * Values travel as one bound JSON parameter.
 *
 * @example
 * await writeAccessTokens(engine, lakeDir, [record], 'append');
 */
export async function writeAccessTokens(
  engine: DuckDbEngine,
  lakeDir: string,
  records: readonly AccessTokenRecord[],
  mode: 'append' | 'replace',
): Promise<void> {
  const table = engine.table(
    tableDir(lakeDir, TOKENS_TABLE.lakehouse, TOKENS_TABLE.name),
    'lh_audit.dbo.access_tokens',
  );
  await writeTable(table, engine.writer, {
    source: {
      kind: 'query',
      sql: `SELECT r.token_id, r.name, r.role, r.salt, r.hash, r.created_at::TIMESTAMPTZ AS created_at,
              r.expires_at::TIMESTAMPTZ AS expires_at, r.revoked_at::TIMESTAMPTZ AS revoked_at
            FROM (SELECT unnest(from_json($rows, '[${COLUMNS}]')) AS r)`,
      params: { rows: JSON.stringify(records) },
    },
    mode: mode === 'replace' ? 'overwrite' : 'append',
  });
}
