import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { quoteIdentifier } from '../../engine/quote-identifier.js';
import { dimensionValueTables } from '../../measures/dimension-value-tables.js';
import type { AppEnv } from '../app-env.js';
import { readResult } from '../data/read-result.js';
import { parseAsOfParam } from '../params/parse-as-of-param.js';
import { json, respondCached } from '../respond-cached.js';
import type { ServerDeps } from '../server-deps.js';
import { withMeasureErrors } from './measure-error-param.js';

const route = createRoute({
  method: 'get',
  path: '/api/dimensions/{name}/values',
  summary: 'The distinct values of a dimension, for slicers',
  request: {
    params: z.object({ name: z.string().openapi({ example: 'payer' }) }),
    query: z.object({ asOf: z.string().optional() }),
  },
  responses: { 200: { description: 'values', content: { 'application/json': { schema: z.any() } } } },
});

/**
 * GET /api/dimensions/{name}/values: sorted distinct values across every measure table that
 * has the dimension (tables not built yet are skipped).
 *
 * @example
 * registerDimensionValuesRoute(app, deps);
 */
export function registerDimensionValuesRoute(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(route, async (c) => {
    const name = c.req.valid('param').name;
    const sources = withMeasureErrors({ byDimensions: [name], whereDimensions: [] }, () =>
      dimensionValueTables(name),
    );
    const versions = await deps.served.readVersions(
      sources.map((s) => s.table),
      parseAsOfParam(c.req.valid('query').asOf),
    );
    return respondCached(c, deps.cache, versions, async () => {
      const present = sources.filter((s) =>
        versions.some((v) => v.table.toLowerCase() === s.table.toLowerCase()),
      );
      if (present.length === 0) return json({ dimension: name, values: [] });
      const selects = present.map(
        (s) =>
          `SELECT CAST(${quoteIdentifier(s.column)} AS VARCHAR) AS v FROM ${s.table.split('.').map(quoteIdentifier).join('.')}`,
      );
      const result = await deps.served.query(versions, (db) =>
        readResult(
          db,
          `SELECT DISTINCT v FROM (${selects.join(' UNION ALL ')}) WHERE v IS NOT NULL ORDER BY v`,
        ),
      );
      return json({ dimension: name, values: result.rows.map((r) => r[0]) }, result.rows.length);
    }) as never;
  });
}
