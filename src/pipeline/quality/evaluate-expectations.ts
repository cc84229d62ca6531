import { quoteIdentifier } from '../../engine/quote-identifier.js';
import type { Expectation } from '../read-model.js';
import { qualified, type RunContext } from '../run-context.js';

/**
 * Checks a model's declared expectations against its table (already exposed as a view) and
 * records each result in the run summary. Returns the number of error-level breaches.
 *
 * @example
 * const errors = await evaluateExpectations(ctx, 'lh_gold', 'clinician_emr_sessions', meta.expectations ?? []);
 */
export async function evaluateExpectations(
  ctx: RunContext,
  lakehouse: string,
  table: string,
  expectations: readonly Expectation[],
): Promise<number> {
  let errors = 0;
  const from = qualified(lakehouse, table);
  for (const e of expectations) {
    const col = quoteIdentifier(e.column);
    let sql: string;
    let params: Record<string, number | readonly string[]> = {};
    switch (e.rule) {
      case 'not_null':
        sql = `SELECT count(*) AS n FROM ${from} WHERE ${col} IS NULL`;
        break;
      case 'unique':
        // Same count as count(*) - count(DISTINCT col) (each NULL and each extra copy of a value
        // is a breach), but grouped by the value's 64-bit hash first: fixed-width keys group
        // cheaply and spill when needed, where an ungrouped DISTINCT over 100M ids ran out of
        // memory. Only values whose hash repeats are then compared exactly.
        sql = `WITH repeated AS (SELECT hash(${col}) AS h FROM ${from} WHERE ${col} IS NOT NULL GROUP BY 1 HAVING count(*) > 1)
          SELECT (SELECT count(*) FROM ${from} WHERE ${col} IS NULL)
            + coalesce((SELECT sum(copies - 1) FROM (
                SELECT count(*) AS copies FROM ${from} WHERE ${col} IS NOT NULL AND hash(${col}) IN (SELECT h FROM repeated) GROUP BY ${col}
              )), 0) AS n`;
        break;
      case 'range':
        sql = `SELECT count(*) AS n FROM ${from} WHERE ${col} < coalesce($min, ${col}) OR ${col} > coalesce($max, ${col})`;
        params = { min: e.min ?? null, max: e.max ?? null } as unknown as Record<string, number>;
        break;
      case 'row':
        // A row rule from the model's metadata file (project SQL, not user input).
        sql = `SELECT count(*) AS n FROM ${from} WHERE NOT coalesce((${e.sql}), true)`;
        break;
      case 'accepted_values':
        sql = `SELECT count(*) AS n FROM ${from} WHERE ${col} IS NOT NULL AND NOT list_contains($values, ${col}::VARCHAR)`;
        params = { values: e.values ?? [] };
        break;
    }
    const [row] = await ctx.engine.db.readRows(sql, params);
    const failures = Number(row!.n);
    ctx.summary.expectations.push({
      table: `${lakehouse}.dbo.${table}`,
      column: e.column,
      rule: e.rule,
      level: e.level,
      failures,
    });
    if (failures > 0 && e.level === 'error') errors++;
  }
  return errors;
}
