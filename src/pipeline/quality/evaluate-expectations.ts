import { quoteIdentifier } from '../../engine/quote-identifier.js';
import type { Expectation } from '../read-model.js';
import { qualified, type RunContext } from '../run-context.js';

/**
 * Checks a model's declared expectations against its table (already exposed as a view) and
 * records each result in the run summary. Returns the number of error-level breaches.
 * `rowsPerSlice` bounds the rows one grouping of a unique check holds (default 16M).
 *
 * @example
 * const errors = await evaluateExpectations(ctx, 'lh_gold', 'clinician_emr_sessions', meta.expectations ?? []);
 */
export async function evaluateExpectations(
  ctx: RunContext,
  lakehouse: string,
  table: string,
  expectations: readonly Expectation[],
  options: { rowsPerSlice?: number } = {},
): Promise<number> {
  let errors = 0;
  const from = qualified(lakehouse, table);
  for (const e of expectations) {
    const col = quoteIdentifier(e.column);
    const query = e.rule === 'unique' ? undefined : rowRuleQuery(e, from);
    const failures =
      e.rule === 'unique'
        ? await ctx.engine.countUniqueBreaches(from, col, options)
        : Number((await ctx.engine.db.readRows(query!.sql, query!.params))[0]!.n);
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

/**
 * The query counting the rows that break a row-local rule (not_null, range, accepted_values,
 * row) in `from` (a quoted table or view name): one row, column `n`. Pure.
 *
 * @example
 * rowRuleQuery({ column: 'event_id', rule: 'not_null', level: 'error' }, 'expect_added').sql;
 */
export function rowRuleQuery(
  e: Expectation,
  from: string,
): { sql: string; params: Record<string, number | readonly string[]> } {
  const col = quoteIdentifier(e.column);
  switch (e.rule) {
    case 'not_null':
      return { sql: `SELECT count(*) AS n FROM ${from} WHERE ${col} IS NULL`, params: {} };
    case 'range':
      return {
        sql: `SELECT count(*) AS n FROM ${from} WHERE ${col} < coalesce($min, ${col}) OR ${col} > coalesce($max, ${col})`,
        params: { min: e.min ?? null, max: e.max ?? null } as unknown as Record<string, number>,
      };
    case 'row':
      // A row rule from the model's metadata file (project SQL, not user input).
      return { sql: `SELECT count(*) AS n FROM ${from} WHERE NOT coalesce((${e.sql}), true)`, params: {} };
    case 'accepted_values':
      return {
        sql: `SELECT count(*) AS n FROM ${from} WHERE ${col} IS NOT NULL AND NOT list_contains($values, ${col}::VARCHAR)`,
        params: { values: e.values ?? [] },
      };
    case 'unique':
      throw new Error('rowRuleQuery: unique is not a row-local rule');
  }
}
