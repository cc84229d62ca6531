import { userInfo } from 'node:os';
import { DuckDbEngine } from '../../engine/duckdb/duckdb-engine.js';
import { redactPhiLike } from '../../privacy/redact-phi-like.js';
import { AuditLog } from './audit-log.js';

/**
 * Appends one command-line query to lh_audit.dbo.access_log (channel `cli`, the operating
 * system user as principal), committed before the command returns: the console is audited
 * like the API. It uses an engine of its own: the query's engine is locked down for user SQL.
 *
 * @example
 * await recordCliQuery(lakeDir, { command: 'sql', request: sql, tables, rows: 12, status: 0, outcome: 'allowed', ms: 40 });
 */
export async function recordCliQuery(
  lakeDir: string,
  entry: {
    command: string;
    request: string;
    measures?: readonly string[];
    tables: readonly { table: string; version: number }[];
    rows: number;
    status: number;
    outcome: string;
    ms: number;
  },
): Promise<void> {
  const engine = await DuckDbEngine.open({ threads: 1 });
  try {
    await record(engine, lakeDir, entry);
  } finally {
    engine.close();
  }
}

async function record(
  engine: DuckDbEngine,
  lakeDir: string,
  entry: Parameters<typeof recordCliQuery>[1],
): Promise<void> {
  const audit = await AuditLog.open(engine, lakeDir);
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): keep 'unknown'.
  }
  await audit.record({
    accessed_at: new Date().toISOString(),
    token_id: '',
    principal: user,
    role: 'local',
    client: 'cli',
    channel: 'cli',
    method: 'CLI',
    route: `carelake ${entry.command}`,
    request: redactPhiLike(entry.request).slice(0, 4000),
    measures: (entry.measures ?? []).join(','),
    tables_read: JSON.stringify(entry.tables),
    rows_returned: entry.rows,
    status: entry.status,
    outcome: entry.outcome,
    duration_ms: entry.ms,
  });
  await audit.close();
}
