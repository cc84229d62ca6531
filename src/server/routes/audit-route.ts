import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ApiError } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import { ACCESS_LOG } from '../audit/audit-entry.js';
import { requestRole } from '../auth/request-role.js';
import { readResult, rowObjects } from '../data/read-result.js';
import type { ServerDeps } from '../server-deps.js';

const route = createRoute({
  method: 'get',
  path: '/api/audit',
  summary: 'The audit log, newest first (admins only)',
  request: {
    query: z.object({
      since: z.string().optional().openapi({ description: 'entries at or after this ISO instant' }),
      user: z.string().optional().openapi({ description: 'one principal' }),
      table: z.string().optional().openapi({ description: 'entries that read this table' }),
      limit: z.coerce.number().int().min(1).max(1000).optional(),
    }),
  },
  responses: { 200: { description: 'entries', content: { 'application/json': { schema: z.any() } } } },
});

/**
 * GET /api/audit: who read what, for administrators (the dashboard's Audit page). Entries of
 * the running server appear once their batch is committed (every 2 s).
 *
 * @example
 * registerAuditRoute(app, deps);
 */
export function registerAuditRoute(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(route, async (c) => {
    if (requestRole(c as never) !== 'admin')
      throw new ApiError(403, 'forbidden', 'the audit log is for admin tokens');
    const q = c.req.valid('query');
    if (q.since !== undefined && Number.isNaN(Date.parse(q.since)))
      throw new ApiError(400, 'bad_parameter', `since: "${q.since}" is not an ISO date or time`, {
        parameter: 'since',
      });
    const versions = await deps.served.readVersions([ACCESS_LOG.table]);
    if (versions.length === 0) return c.json({ entries: [] }, 200);
    const result = await deps.served.query(versions, (db) =>
      readResult(
        db,
        `SELECT accessed_at, principal, role, client, method, route, request, measures, tables_read, rows_returned, status, outcome
         FROM lh_audit.dbo.access_log
         WHERE ($since IS NULL OR accessed_at >= $since::TIMESTAMPTZ) AND ($user IS NULL OR principal = $user)
           AND ($table IS NULL OR tables_read LIKE '%' || $table || '%')
         ORDER BY accessed_at DESC LIMIT $limit`,
        { since: q.since ?? null, user: q.user ?? null, table: q.table ?? null, limit: q.limit ?? 200 },
      ),
    );
    c.set('tablesRead', versions);
    c.set('rowsReturned', result.rows.length);
    return c.json({ entries: rowObjects(result), version: versions[0]!.version }, 200);
  });
}
