import { UsageError } from '../../errors/usage-error.js';
import type { DuckDbDatabase } from './duckdb-database.js';

/**
 * Refuses anything but a single query (SELECT, WITH … SELECT, FROM …, VALUES), using DuckDB's
 * own parser: `json_serialize_sql` accepts only SELECT statements, without binding them.
 *
 * @example
 * await assertReadOnlyQuery(db, 'DELETE FROM t'); // throws UsageError
 */
export async function assertReadOnlyQuery(db: DuckDbDatabase, sql: string): Promise<void> {
  const [row] = await db.readRows('SELECT json_serialize_sql($1::VARCHAR) AS j', [sql]);
  const parsed = JSON.parse(String(row!.j)) as {
    error?: boolean;
    error_message?: string;
    statements?: unknown[];
  };
  if (parsed.error) {
    const reason = parsed.error_message?.startsWith('Only SELECT')
      ? 'only queries (SELECT) are allowed'
      : parsed.error_message;
    throw new UsageError(
      `carelake sql is read-only: ${reason}; statement refused: ${sql.trim().slice(0, 80)}`,
    );
  }
  if ((parsed.statements?.length ?? 0) !== 1) {
    throw new UsageError(
      `carelake sql runs exactly one query; got ${parsed.statements?.length ?? 0} statements`,
    );
  }
}
