import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { compileMeasureQuery } from '../../measures/compile-measure-query.js';
import { parseByDimension } from '../../measures/parse-by-dimension.js';
import { parseFilter } from '../../measures/parse-filter.js';
import { cellCountColumn } from '../../measures/patient-level-tables.js';
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

const query = z.object({
  measure: repeatedParam('a measure name (GET /api/measures); repeat for several'),
  by: repeatedParam('a dimension to group by, or date:day|week|month; repeat for several'),
  where: repeatedParam('DIMENSION=VALUE[,VALUE…]; repeat to AND'),
  from: z.string().optional().openapi({ description: 'first day, YYYY-MM-DD (inclusive)' }),
  to: z.string().optional().openapi({ description: 'last day, YYYY-MM-DD (inclusive)' }),
  ...commonQuery,
});

const route = createRoute({
  method: 'get',
  path: '/api/query',
  summary: 'Evaluate measures by dimensions, filters and a date range',
  request: { query },
  responses: { 200: { description: 'measure values', content: { 'application/json': { schema: z.any() } } } },
});

/**
 * GET /api/query: the one path from a request to a KPI, through the measure compiler (the CLI's
 * `carelake measure` uses the same compiler).
 *
 * @example
 * registerQueryRoute(app, deps);
 */
export function registerQueryRoute(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    const asOf = parseAsOfParam(q.asOf);
    const by = asList(q.by).map(parseByDimension);
    const measures = asList(q.measure);
    const params = { byDimensions: by.map((b) => b.dimension), whereDimensions: [] as string[] };
    const filters = withMeasureErrors(params, () => asList(q.where).map(parseFilter));
    params.whereDimensions = filters.map((f) => f.dimension);
    const request = {
      measures,
      by,
      filters,
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      timeZone: deps.served.lake.config.sourceTimeZone,
    };
    // Viewers see aggregates with small cells suppressed: the query also counts the rows behind
    // each value, and, when filters or dates narrow it, what they left out.
    const viewer = requestRole(c as never) === 'viewer';
    const compiled = withMeasureErrors(params, () => compileMeasureQuery(request, { cellCounts: viewer }));
    const narrowed = viewer && (filters.length > 0 || q.from !== undefined || q.to !== undefined);
    const unfiltered = narrowed
      ? compileMeasureQuery({ measures, by, timeZone: request.timeZone }, { cellCounts: true })
      : undefined;
    c.set('measures', measures);
    const versions = await deps.served.readVersions(compiled.tables, asOf);
    const missing = compiled.tables.filter(
      (t) => !versions.some((v) => v.table.toLowerCase() === t.toLowerCase()),
    );
    if (missing.length > 0)
      throw new ApiError(
        404,
        'not_found',
        `${missing.join(', ')} ${asOf ? `did not exist at ${asOf.toISOString()}` : 'does not exist yet; run the pipeline (carelake run all)'}`,
      );
    return respondCached(c, deps.cache, versions, async () => {
      const result = await deps.served.query(versions, (db) => readResult(db, compiled.sql, compiled.params));
      let rows = rowObjects(result);
      let suppressed: { row: number; measure: string }[] = [];
      if (viewer) {
        const dims = compiled.columns.filter((col) => col.role === 'dimension').map((col) => col.name);
        const counted = measures.filter((m) => result.columns.some((col) => col.name === cellCountColumn(m)));
        let excluded: Map<string, Record<string, number>> | undefined;
        if (unfiltered !== undefined) {
          const all = rowObjects(
            await deps.served.query(versions, (db) => readResult(db, unfiltered.sql, unfiltered.params)),
          );
          const key = (r: Record<string, unknown>) => JSON.stringify(dims.map((d) => r[d] ?? null));
          const kept = new Map(rows.map((r) => [key(r), r]));
          excluded = new Map(
            all.map((r) => [
              key(r),
              Object.fromEntries(
                counted.map((m) => [
                  m,
                  Number(r[cellCountColumn(m)] ?? 0) - Number(kept.get(key(r))?.[cellCountColumn(m)] ?? 0),
                ]),
              ),
            ]),
          );
        }
        ({ rows, suppressed } = suppressSmallCells({
          rows,
          dimensions: dims,
          measures: counted,
          ...(excluded ? { excluded } : {}),
        }));
      }
      if (q.format === 'csv') {
        const columns = compiled.columns.map((col) => ({
          name: col.name,
          kind: col.role === 'measure' ? ('float' as const) : ('text' as const),
        }));
        return csv(
          csvText({ columns, rows: rows.map((r) => columns.map((col) => r[col.name] ?? null)) }),
          rows.length,
        );
      }
      return json(
        {
          columns: compiled.columns,
          rows,
          ...(viewer
            ? {
                suppressed,
                suppression:
                  'values from 1–10 stays or claims, and cells that would reveal them, are suppressed',
              }
            : {}),
          tables: versions.map((v) => ({ table: v.table, version: v.version, commitTime: v.commitTime })),
        },
        rows.length,
      );
    }) as never;
  });
}
