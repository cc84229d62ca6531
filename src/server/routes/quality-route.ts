import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { quoteIdentifier } from '../../engine/quote-identifier.js';
import { qualifiedName } from '../../lakehouse/lake-table.js';
import type { AppEnv } from '../app-env.js';
import { readResult, rowObjects } from '../data/read-result.js';
import { parseAsOfParam } from '../params/parse-as-of-param.js';
import { json, respondCached } from '../respond-cached.js';
import type { ServerDeps } from '../server-deps.js';

const DQ = 'lh_gold.dbo.dq_expectation_results';

const route = createRoute({
  method: 'get',
  path: '/api/quality',
  summary: 'Per table: rows, Delta version and time, quarantine counts by reason, expectation results',
  request: { query: z.object({ asOf: z.string().optional() }) },
  responses: { 200: { description: 'data quality', content: { 'application/json': { schema: z.any() } } } },
});

/**
 * GET /api/quality: what the Data quality page shows. Expectation results are those of the last
 * run that evaluated each table; quarantine counts come from each layer's quarantine table
 * (counts only, never the refused rows).
 *
 * @example
 * registerQualityRoute(app, deps);
 */
export function registerQualityRoute(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(route, async (c) => {
    const asOf = parseAsOfParam(c.req.valid('query').asOf);
    // The audit lakehouse is not pipeline data; admins read it through its own route.
    const all = (await deps.served.readTables()).filter((t) => t.lakehouse !== 'lh_audit');
    const versions = await deps.served.readVersions(all.map(qualifiedName), asOf);
    return respondCached(c, deps.cache, versions, async () => {
      const has = (name: string) => versions.some((v) => v.table === name);
      const quarantines = versions.filter((v) => v.table.endsWith('.dbo.quarantine'));
      const { expectations, quarantined } = await deps.served.query(versions, async (db) => ({
        expectations: has(DQ)
          ? rowObjects(
              await readResult(
                db,
                `WITH last AS (
                   SELECT table_name, max(evaluated_at) AS at FROM lh_gold.dbo.dq_expectation_results GROUP BY 1
                 )
                 SELECT r.table_name, r.column_name, r.rule, r.level, r.failures, r.passed, r.evaluated_at, r.run_id
                 FROM lh_gold.dbo.dq_expectation_results AS r JOIN last ON r.table_name = last.table_name AND r.evaluated_at = last.at
                 ORDER BY r.table_name, r.column_name, r.rule`,
              ),
            )
          : [],
        quarantined: quarantines.length
          ? rowObjects(
              await readResult(
                db,
                `${quarantines
                  .map(
                    (q, i) =>
                      `SELECT $l${i}::VARCHAR AS lakehouse, _source_table AS source, _reject_reason AS reason, count(*) AS n FROM ${q.table.split('.').map(quoteIdentifier).join('.')} GROUP BY ALL`,
                  )
                  .join(' UNION ALL ')} ORDER BY 1, 2, 3`,
                Object.fromEntries(quarantines.map((q, i) => [`l${i}`, q.table.split('.')[0]!])),
              ),
            )
          : [],
      }));
      const lastRun = expectations.reduce<{ runId: string; evaluatedAt: string } | null>(
        (best, e) =>
          best === null || String(e.evaluated_at) > best.evaluatedAt
            ? { runId: String(e.run_id), evaluatedAt: String(e.evaluated_at) }
            : best,
        null,
      );
      return json({
        tables: versions
          .filter((v) => !v.table.endsWith('.dbo.quarantine') && v.table !== DQ)
          .map((v) => ({
            table: v.table,
            rows: v.snapshot.numRecords() ?? null,
            version: v.version,
            commitTime: v.commitTime,
            expectations: expectations
              .filter((e) => e.table_name === v.table)
              .map((e) => ({
                column: e.column_name,
                rule: e.rule,
                level: e.level,
                failures: e.failures,
                passed: e.passed,
                evaluatedAt: e.evaluated_at,
              })),
            quarantine: quarantined
              .filter((q) => `${q.lakehouse}.dbo.${q.source}` === v.table)
              .map((q) => ({ reason: q.reason, rows: q.n })),
          })),
        lastRun,
      });
    }) as never;
  });
}
