import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { compileDistributionQuery } from '../../measures/compile-distribution-query.js';
import { parseFilter } from '../../measures/parse-filter.js';
import { PATIENT_LEVEL_TABLES } from '../../measures/patient-level-tables.js';
import { suppressSmallCells } from '../../measures/suppress-small-cells.js';
import { ApiError } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import { requestRole } from '../auth/request-role.js';
import { csvText } from '../csv-text.js';
import { readResult, rowObjects } from '../data/read-result.js';
import { commonQuery } from '../params/common-query.js';
import { parseAsOfParam } from '../params/parse-as-of-param.js';
import { asList, repeatedParam } from '../params/repeated-param.js';
import { csv, json, respondCached } from '../respond-cached.js';
import type { ServerDeps } from '../server-deps.js';
import { withMeasureErrors } from './measure-error-param.js';

const route = createRoute({
  method: 'get',
  path: '/api/distributions/{name}',
  summary: 'A histogram of a per-row value (ED-to-admit minutes, session minutes, LOS days)',
  request: {
    params: z.object({ name: z.string().openapi({ example: 'ed_to_admit_minutes' }) }),
    query: z.object({
      by: z.string().optional().openapi({ description: 'one category dimension: a histogram per value' }),
      where: repeatedParam('DIMENSION=VALUE[,VALUE…]; repeat to AND'),
      from: z.string().optional(),
      to: z.string().optional(),
      width: z.coerce
        .number()
        .positive()
        .optional()
        .openapi({ description: 'bin width in the value’s unit' }),
      ...commonQuery,
    }),
  },
  responses: { 200: { description: 'bins', content: { 'application/json': { schema: z.any() } } } },
});

/**
 * GET /api/distributions/{name}: `bins` of `{lo, hi, count[, group]}`; the last bin is open
 * (hi null) and holds every value at or above the definition's maximum.
 *
 * @example
 * registerDistributionsRoute(app, deps);
 */
export function registerDistributionsRoute(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    const asOf = parseAsOfParam(q.asOf);
    const params = { byDimensions: q.by ? [q.by] : [], whereDimensions: [] as string[] };
    const filters = withMeasureErrors(params, () => asList(q.where).map(parseFilter));
    params.whereDimensions = filters.map((f) => f.dimension);
    const compiled = withMeasureErrors(params, () =>
      compileDistributionQuery({
        distribution: c.req.valid('param').name,
        ...(q.by ? { by: q.by } : {}),
        filters,
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        ...(q.width ? { width: q.width } : {}),
        timeZone: deps.served.lake.config.sourceTimeZone,
      }),
    );
    const versions = await deps.served.readVersions(compiled.tables, asOf);
    if (versions.length < compiled.tables.length)
      throw new ApiError(
        404,
        'not_found',
        `${compiled.tables.join(', ')} does not exist ${asOf ? 'at that time' : 'yet; run the pipeline'}`,
      );
    return respondCached(c, deps.cache, versions, async () => {
      const result = await deps.served.query(versions, (db) => readResult(db, compiled.sql, compiled.params));
      const lastLo = Math.floor(compiled.definition.maxValue / compiled.width) * compiled.width;
      let bins = rowObjects(result).map((r) => ({
        ...(q.by ? { group: r.group } : {}),
        lo: Number(r.lo),
        hi: Number(r.lo) >= lastLo ? null : Number(r.lo) + compiled.width,
        count: Number(r.n),
      }));
      // Viewers: a bin of 1–10 stays is a small cell (and so is one that would reveal it).
      if (requestRole(c as never) === 'viewer' && PATIENT_LEVEL_TABLES.has(compiled.definition.table)) {
        const { rows } = suppressSmallCells({
          rows: bins.map((b) => ({ ...b, __cells_count: b.count })),
          dimensions: q.by ? ['group', 'lo'] : ['lo'],
          measures: ['count'],
        });
        bins = rows as typeof bins;
      }
      if (q.format === 'csv') {
        const cols = [
          ...(q.by ? [{ name: 'group', kind: 'text' as const }] : []),
          { name: 'lo', kind: 'float' as const },
          { name: 'hi', kind: 'float' as const },
          { name: 'count', kind: 'integer' as const },
        ];
        return csv(
          csvText({
            columns: cols,
            rows: bins.map((b) => [...(q.by ? [b.group ?? null] : []), b.lo, b.hi, b.count]),
          }),
          bins.length,
        );
      }
      return json(
        {
          distribution: compiled.definition.name,
          format: compiled.definition.format,
          width: compiled.width,
          bins,
          tables: versions.map((v) => ({ table: v.table, version: v.version, commitTime: v.commitTime })),
        },
        bins.length,
      );
    }) as never;
  });
}
