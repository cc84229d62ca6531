import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { quoteIdentifier } from '../../engine/quote-identifier.js';
import { type LakeTable, qualifiedName } from '../../lakehouse/lake-table.js';
import { ApiError } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import { suppressAggregateRows } from '../auth/aggregate-cell-columns.js';
import { requestRole } from '../auth/request-role.js';
import { canReadTable } from '../auth/role.js';
import { csvText } from '../csv-text.js';
import { readResult, rowObjects } from '../data/read-result.js';
import { commonQuery } from '../params/common-query.js';
import { parseAsOfParam } from '../params/parse-as-of-param.js';
import { parseColumnFilter } from '../params/parse-column-filter.js';
import { asList, repeatedParam } from '../params/repeated-param.js';
import { csv, json, respondCached } from '../respond-cached.js';
import { isServedTable } from '../served-table.js';
import type { ServerDeps } from '../server-deps.js';
import { columnsOf } from './table-columns.js';

const MAX_LIMIT = 1000;

const query = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .optional()
    .openapi({ description: `rows per page, 1–${MAX_LIMIT} (default 50)` }),
  offset: z.coerce.number().int().min(0).optional().openapi({ description: 'rows to skip (default 0)' }),
  sort: z.string().optional().openapi({ description: 'COLUMN or COLUMN:desc', example: 'risk_score:desc' }),
  where: repeatedParam('COLUMN=VALUE[,VALUE…]: rows whose column is one of the values; repeat to AND'),
  ...commonQuery,
});

const route = createRoute({
  method: 'get',
  path: '/api/tables/{name}/rows',
  summary: 'A page of a silver or gold table, sorted and filtered',
  request: {
    params: z.object({ name: z.string().openapi({ example: 'gold_healthcare_readmission_risk' }) }),
    query,
  },
  responses: { 200: { description: 'a page of rows', content: { 'application/json': { schema: z.any() } } } },
});

/**
 * GET /api/tables/{name}/rows: limit/offset paging, one sort column, `where` filters (values
 * always bound), JSON or CSV with the same filters.
 *
 * @example
 * registerTableRowsRoute(app, deps);
 */
export function registerTableRowsRoute(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    const asOf = parseAsOfParam(q.asOf);
    const table = findServedTable(await deps.served.readTables(), c.req.valid('param').name);
    const role = requestRole(c as never);
    if (!canReadTable(role, qualifiedName(table)))
      throw new ApiError(
        403,
        'forbidden',
        `role ${role} may not read the row-level table ${qualifiedName(table)}; viewers see measures and aggregate gold tables, an analyst token reads rows`,
      );
    const versions = await deps.served.readVersions([qualifiedName(table)], asOf);
    const version = versions[0];
    if (version === undefined)
      throw new ApiError(
        404,
        'not_found',
        `table ${qualifiedName(table)} did not exist at ${asOf?.toISOString()}`,
      );
    const columns = columnsOf(version.snapshot);
    const names = columns.map((col) => col.name);
    const filters = asList(q.where).map((w) => parseColumnFilter(w, names));
    const [sortColumn, direction = 'asc'] = (q.sort ?? names[0]!).split(':');
    if (!names.includes(sortColumn!))
      throw new ApiError(
        400,
        'bad_parameter',
        `sort: no column "${sortColumn}"; columns: ${names.join(', ')}`,
        {
          parameter: 'sort',
          allowed: names,
        },
      );
    if (direction !== 'asc' && direction !== 'desc')
      throw new ApiError(400, 'bad_parameter', `sort: direction "${direction}" is asc or desc`, {
        parameter: 'sort',
        allowed: ['asc', 'desc'],
      });
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const params: Record<string, string[] | number> = { limit, offset };
    const conditions = filters.map((f, i) => {
      params[`w${i}`] = f.values;
      return `list_contains($w${i}, CAST(${quoteIdentifier(f.column)} AS VARCHAR))`;
    });
    const from = version.table.split('.').map(quoteIdentifier).join('.');
    const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
    // The other columns break ties, so pages never overlap or skip rows.
    const order = [
      `${quoteIdentifier(sortColumn!)} ${direction} NULLS LAST`,
      ...names
        .filter((n) => n !== sortColumn)
        .slice(0, 3)
        .map(quoteIdentifier),
    ];
    return respondCached(c, deps.cache, versions, async () => {
      const { page, total } = await deps.served.query(versions, async (db) => ({
        page: await readResult(
          db,
          `SELECT * FROM ${from}${where} ORDER BY ${order.join(', ')} LIMIT $limit OFFSET $offset`,
          params,
        ),
        total: Number((await db.readRows(`SELECT count(*) AS n FROM ${from}${where}`, params))[0]!.n),
      }));
      if (role === 'viewer') {
        const names = page.columns.map((col) => col.name);
        const blanked = suppressAggregateRows(version.table, rowObjects(page)).rows;
        page.rows = blanked.map((r) => names.map((n) => r[n] ?? null));
      }
      if (q.format === 'csv') return csv(csvText(page), page.rows.length);
      return json(
        {
          columns,
          rows: rowObjects(page),
          total,
          limit,
          offset,
          tables: versions.map((v) => ({ table: v.table, version: v.version, commitTime: v.commitTime })),
        },
        page.rows.length,
      );
    }) as never;
  });
}

function findServedTable(tables: readonly LakeTable[], name: string): LakeTable {
  const served = tables.filter(isServedTable);
  const parts = name.toLowerCase().split('.');
  const match = served.find((t) =>
    parts.length === 1
      ? t.name.toLowerCase() === parts[0]
      : qualifiedName(t).toLowerCase() === name.toLowerCase(),
  );
  if (match === undefined)
    throw new ApiError(
      404,
      'not_found',
      `no table "${name}"; tables: ${served.map((t) => t.name).join(', ')}`,
      {
        parameter: 'name',
        allowed: served.map((t) => t.name),
      },
    );
  return match;
}
