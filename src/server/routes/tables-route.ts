import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { qualifiedName } from '../../lakehouse/lake-table.js';
import type { AppEnv } from '../app-env.js';
import { requestRole } from '../auth/request-role.js';
import { canReadTable } from '../auth/role.js';
import { parseAsOfParam } from '../params/parse-as-of-param.js';
import { json, respondCached } from '../respond-cached.js';
import { isServedTable } from '../served-table.js';
import type { ServerDeps } from '../server-deps.js';
import { columnsOf } from './table-columns.js';

const route = createRoute({
  method: 'get',
  path: '/api/tables',
  summary: 'The silver and gold tables the caller may read: version, commit time, rows and columns',
  request: { query: z.object({ asOf: z.string().optional() }) },
  responses: { 200: { description: 'tables', content: { 'application/json': { schema: z.any() } } } },
});

/**
 * GET /api/tables.
 *
 * @example
 * registerTablesRoute(app, deps);
 */
export function registerTablesRoute(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(route, async (c) => {
    const asOf = parseAsOfParam(c.req.valid('query').asOf);
    const role = requestRole(c as never);
    const tables = (await deps.served.readTables()).filter(
      (t) => isServedTable(t) && canReadTable(role, qualifiedName(t)),
    );
    const versions = await deps.served.readVersions(tables.map(qualifiedName), asOf);
    return respondCached(c, deps.cache, versions, async () =>
      json({
        tables: versions.map((v) => ({
          table: v.table,
          name: v.table.split('.')[2],
          layer: v.table.split('.')[0]!.slice(3),
          version: v.version,
          commitTime: v.commitTime,
          rows: v.snapshot.numRecords() ?? null,
          columns: columnsOf(v.snapshot),
        })),
      }),
    ) as never;
  });
}
