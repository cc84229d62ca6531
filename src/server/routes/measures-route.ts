import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listDimensions, listMeasures } from '../../measures/catalog.js';
import { listDistributions } from '../../measures/distributions.js';
import type { AppEnv } from '../app-env.js';

const route = createRoute({
  method: 'get',
  path: '/api/measures',
  summary: 'Every measure (definition, SQL, format, benchmark, dimensions), dimension and distribution',
  responses: {
    200: { description: 'the semantic layer', content: { 'application/json': { schema: z.any() } } },
  },
});

/**
 * GET /api/measures: the semantic layer as published metadata; the dashboard shows each
 * number's definition (its SQL and input tables) from here.
 *
 * @example
 * registerMeasuresRoute(app);
 */
export function registerMeasuresRoute(app: OpenAPIHono<AppEnv>): void {
  const body = {
    measures: listMeasures().map((m) => ({
      name: m.name,
      label: m.label,
      description: m.description,
      format: m.format,
      grain: m.grain,
      table: m.table,
      tables: m.tables,
      dimensions: m.dimensions,
      sql: m.rowFilter ? `${m.expression} FILTER (WHERE ${m.rowFilter})` : m.expression,
      rowFilter: m.rowFilter ?? null,
      dateColumn: m.dateColumn?.column ?? null,
      benchmark: m.benchmark
        ? m.benchmark.kind === 'range'
          ? {
              kind: 'range',
              low: m.benchmark.low,
              high: m.benchmark.high,
              label: `${m.benchmark.low}–${m.benchmark.high}`,
              note: m.benchmark.note,
            }
          : {
              kind: m.benchmark.kind,
              value: m.benchmark.value,
              label: `${m.benchmark.kind === 'max' ? '<' : '≥'} ${m.benchmark.value}`,
              note: m.benchmark.note,
            }
        : null,
    })),
    dimensions: listDimensions().map((d) => ({
      name: d.name,
      label: d.label,
      kind: d.kind,
      grains: d.grains ?? null,
      measures: d.measures,
    })),
    distributions: listDistributions().map((d) => ({
      name: d.name,
      label: d.label,
      format: d.format,
      table: d.table,
      dimensions: d.dimensions,
      sql: d.value,
    })),
  };
  app.openapi(route, (c) => c.json(body, 200));
}
