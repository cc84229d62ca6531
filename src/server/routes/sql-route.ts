import type { Json } from '@duckdb/node-api';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { resultColumnKind } from '../../cli/output/result-column.js';
import { DuckDbEngine } from '../../engine/duckdb/duckdb-engine.js';
import { prepareSandboxedQuery } from '../../engine/duckdb/prepare-sandboxed-query.js';
import { runWithTimeLimit } from '../../engine/duckdb/run-with-time-limit.js';
import { translateQueryError } from '../../engine/duckdb/translate-query-error.js';
import { qualifiedName } from '../../lakehouse/lake-table.js';
import { ApiError } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import { requestRole } from '../auth/request-role.js';
import { canReadTable, roleAtLeast } from '../auth/role.js';
import { parseAsOfParam } from '../params/parse-as-of-param.js';
import type { ServerDeps } from '../server-deps.js';

const route = createRoute({
  method: 'post',
  path: '/api/sql',
  summary: 'One read-only query over the tables the caller’s role may read (analyst and admin)',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({ sql: z.string().min(1).max(20_000), asOf: z.string().optional() }),
        },
      },
      required: true,
    },
  },
  responses: { 200: { description: 'the rows', content: { 'application/json': { schema: z.any() } } } },
});

/**
 * POST /api/sql: the SQL console over HTTP. Each query gets an engine of its own that sees
 * only the role's tables (resolved where the data is read, not in the dashboard), then is
 * locked down (no files outside those tables' folders, no settings), with a time and row limit.
 *
 * @example
 * registerSqlRoute(app, deps);
 */
export function registerSqlRoute(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(route, async (c) => {
    const role = requestRole(c as never);
    if (!roleAtLeast(role, 'analyst'))
      throw new ApiError(
        403,
        'forbidden',
        'the SQL console needs an analyst or admin token; viewers read measures and aggregate tables',
      );
    const body = c.req.valid('json');
    const asOf = parseAsOfParam(body.asOf);
    const tables = (await deps.served.readTables()).filter(
      (t) => canReadTable(role, qualifiedName(t)) && (t.lakehouse !== 'lh_audit' || role === 'admin'),
    );
    const limit = deps.served.lake.config.engine?.memoryLimit;
    const engine = await DuckDbEngine.open({ threads: 2, ...(limit ? { memoryLimit: limit } : {}) });
    try {
      const { tables: only } = await prepareSandboxedQuery(
        engine,
        body.sql,
        tables,
        asOf ? { asOf: { timestamp: asOf } } : {},
      );
      const names = tables.map(qualifiedName);
      const out = await runWithTimeLimit(engine.db, deps.sqlLimits.seconds, async () => {
        try {
          const result = await engine.db.stream(body.sql);
          const columns = result
            .columnNames()
            .map((name, i) => ({ name, kind: resultColumnKind(result.columnTypeId(i)) }));
          const rows: Record<string, Json>[] = [];
          let truncated = false;
          for await (const batch of result.yieldRowsJson()) {
            for (const r of batch) {
              if (rows.length === deps.sqlLimits.rows) {
                truncated = true;
                break;
              }
              rows.push(Object.fromEntries(columns.map((col, i) => [col.name, r[i] ?? null])));
            }
            if (truncated) break;
          }
          return { columns, rows, truncated };
        } catch (error) {
          throw translateQueryError((error as Error).message, names);
        }
      });
      c.set('rowsReturned', out.rows.length);
      const versions = await deps.served.readVersions(only.map(qualifiedName), asOf);
      c.set('tablesRead', versions);
      return c.json(
        {
          ...out,
          ...(out.truncated ? { note: `stopped at ${deps.sqlLimits.rows} rows (the server's limit)` } : {}),
          tables: versions.map((v) => ({ table: v.table, version: v.version })),
        },
        200,
      );
    } finally {
      engine.close();
    }
  });
}
