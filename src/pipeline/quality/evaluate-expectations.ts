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
        ? await countDuplicates(ctx, from, col, options.rowsPerSlice ?? ROWS_PER_SLICE)
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

/** Rows a slice of the unique check groups at most: their hash table stays well inside 3 GB. */
const ROWS_PER_SLICE = 16_000_000;

/**
 * Breaches of a unique rule: each NULL and each extra copy of a value (the same count as
 * count(*) - count(DISTINCT col)). The table is read once into the values' 64-bit hashes, a
 * fixed-width key; the hashes are grouped in slices of the hash space, one after the other,
 * because one grouping of 100M ids needed a 1 GiB block the 3 GB engine limit could not give
 * (an ungrouped DISTINCT ran out of memory as well). Only values whose hash repeats are then
 * compared exactly, which reads the table a second time only when there are any. The slice
 * parameters are cast to UBIGINT: bound as JS numbers, they made DuckDB widen every hash to
 * HUGEINT for the modulo, which was 17× slower (261 s against 15 s for one slice of 100M).
 */
async function countDuplicates(
  ctx: RunContext,
  from: string,
  col: string,
  rowsPerSlice: number,
): Promise<number> {
  const db = ctx.engine.db;
  await db.run(
    `CREATE OR REPLACE TEMP TABLE unique_check_hashes AS SELECT hash(${col}) AS h FROM ${from} WHERE ${col} IS NOT NULL`,
  );
  await db.run('CREATE OR REPLACE TEMP TABLE unique_check_repeated (h UBIGINT)');
  const [counts] = await db.readRows(
    `SELECT count(*) AS total, (SELECT count(*) FROM ${from} WHERE ${col} IS NULL) AS nulls FROM unique_check_hashes`,
  );
  const slices = Math.max(1, Math.ceil(Number(counts!.total) / rowsPerSlice));
  for (let slice = 0; slice < slices; slice++) {
    await db.run(
      `INSERT INTO unique_check_repeated
       SELECT h FROM unique_check_hashes WHERE h % $slices::UBIGINT = $slice::UBIGINT GROUP BY h HAVING count(*) > 1`,
      { slices, slice },
    );
  }
  const [repeated] = await db.readRows('SELECT count(*) AS n FROM unique_check_repeated');
  let copies = 0;
  if (Number(repeated!.n) > 0) {
    const [row] = await db.readRows(
      `SELECT coalesce(sum(copies - 1), 0) AS n FROM (
         SELECT count(*) AS copies FROM ${from}
         WHERE ${col} IS NOT NULL AND hash(${col}) IN (SELECT h FROM unique_check_repeated) GROUP BY ${col}
       )`,
    );
    copies = Number(row!.n);
  }
  await db.run('DROP TABLE unique_check_hashes');
  await db.run('DROP TABLE unique_check_repeated');
  return Number(counts!.nulls) + copies;
}
