import { quoteIdentifier } from '../../engine/quote-identifier.js';
import type { Expectation } from '../read-model.js';
import { qualified, type RunContext } from '../run-context.js';

/**
 * Checks a model's declared expectations against its table (already exposed as a view) and
 * records each result in the run summary. Returns the number of error-level breaches. Every
 * row-local rule of the table is counted in one scan (one query: a round trip each cost about a
 * quarter of a second on Spark); unique rules are the engine's own check.
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
  const rowRules = expectations.flatMap((e, i) => (e.rule === 'unique' ? [] : [{ i, e }]));
  const counts = new Map<number, number>();
  if (rowRules.length > 0) {
    const params: Record<string, number | readonly string[] | null> = {};
    const columns = rowRules.map(({ i, e }) => {
      const rule = rowRuleCondition(e, `e${i}_`);
      Object.assign(params, rule.params);
      return `count(*) FILTER (WHERE ${rule.condition}) AS e${i}`;
    });
    const [row] = await ctx.engine.db.readRows(`SELECT ${columns.join(', ')} FROM ${from}`, params);
    for (const { i } of rowRules) counts.set(i, Number(row![`e${i}`]));
  }
  for (const [i, e] of expectations.entries()) {
    const failures =
      e.rule === 'unique'
        ? await ctx.engine.countUniqueBreaches(from, quoteIdentifier(e.column), options)
        : counts.get(i)!;
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
): { sql: string; params: Record<string, number | readonly string[] | null> } {
  const rule = rowRuleCondition(e, '');
  return { sql: `SELECT count(*) AS n FROM ${from} WHERE ${rule.condition}`, params: rule.params };
}

/**
 * The condition a row breaking a row-local rule meets, with its parameters named with `prefix`
 * (several rules share one query). Pure.
 *
 * @example
 * rowRuleCondition({ column: 'los', rule: 'range', level: 'warn', min: 0 }, 'e1_').condition;
 * // '"los" < coalesce($e1_min, "los") OR "los" > coalesce($e1_max, "los")'
 */
export function rowRuleCondition(
  e: Expectation,
  prefix: string,
): { condition: string; params: Record<string, number | readonly string[] | null> } {
  const col = quoteIdentifier(e.column);
  switch (e.rule) {
    case 'not_null':
      return { condition: `${col} IS NULL`, params: {} };
    case 'range':
      return {
        condition: `${col} < coalesce($${prefix}min, ${col}) OR ${col} > coalesce($${prefix}max, ${col})`,
        params: { [`${prefix}min`]: e.min ?? null, [`${prefix}max`]: e.max ?? null },
      };
    case 'row':
      // A row rule from the model's metadata file (project SQL, not user input).
      return { condition: `NOT coalesce((${e.sql}), true)`, params: {} };
    case 'accepted_values':
      return {
        condition: `${col} IS NOT NULL AND NOT list_contains($${prefix}values, ${col}::VARCHAR)`,
        params: { [`${prefix}values`]: e.values ?? [] },
      };
    case 'unique':
      throw new Error('rowRuleCondition: unique is not a row-local rule');
  }
}
