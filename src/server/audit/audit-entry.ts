/** One audited access: who, when, from where, what, which table versions, rows, outcome. */
export interface AuditEntry {
  /** ISO instant. */
  accessed_at: string;
  /** The token id ('' for an unauthenticated request), its name and role. */
  token_id: string;
  principal: string;
  role: string;
  /** The client address; 'cli' for the command line. */
  client: string;
  /** 'http' or 'cli'. */
  channel: string;
  method: string;
  /** The route template, e.g. /api/tables/{name}/rows, or the CLI command. */
  route: string;
  /** The path and query (HTTP), or the SQL text (console); PHI-like values withheld. */
  request: string;
  /** The measures asked for, comma-separated ('' when none). */
  measures: string;
  /** JSON list of {table, version} read. */
  tables_read: string;
  rows_returned: number;
  status: number;
  /** allowed, denied, failed, rate_limited, … */
  outcome: string;
  duration_ms: number;
}

/** The audit log's Delta table. */
export const ACCESS_LOG = {
  lakehouse: 'lh_audit',
  name: 'access_log',
  table: 'lh_audit.dbo.access_log',
} as const;
