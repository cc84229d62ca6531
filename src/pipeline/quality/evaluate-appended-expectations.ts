import type { Snapshot } from '../../delta/snapshot.js';
import { quoteIdentifier } from '../../engine/quote-identifier.js';
import type { Expectation } from '../read-model.js';
import { exposeSnapshot, type RunContext } from '../run-context.js';
import type { RunSummary } from '../run-summary.js';
import { rowRuleQuery } from './evaluate-expectations.js';

/** A table's expectation results and the data files they were computed over. */
export interface PriorExpectations {
  results: RunSummary['expectations'];
  files: ReadonlySet<string>;
}

/**
 * Checks a table that only gained files since `prior` was computed (appends, as bronze and an
 * incremental silver emr_events get in every batch) by reading the added files alone: a
 * row-local rule's failures are the earlier ones plus those in the added rows; a unique rule's
 * are the earlier ones plus the added NULLs, the repeats among the added values and the added
 * values already present before (each value's extra copies, exactly as over the whole table).
 * Pushes the results like evaluateExpectations and returns the error-level breaches, or
 * undefined, checking nothing, when a file was removed or the rules changed (the caller then
 * evaluates the whole table).
 *
 * @example
 * const errors = await evaluateAppendedExpectations(ctx, 'lh_silver', 'emr_events', rules, prior, snapshot);
 */
export async function evaluateAppendedExpectations(
  ctx: RunContext,
  lakehouse: string,
  table: string,
  expectations: readonly Expectation[],
  prior: PriorExpectations,
  snapshot: Snapshot,
): Promise<number | undefined> {
  const added = snapshot.files.filter((f) => !prior.files.has(f.path));
  const kept = snapshot.files.filter((f) => prior.files.has(f.path));
  if (kept.length !== prior.files.size || prior.results.length !== expectations.length) return undefined;
  if (expectations.some((e, i) => prior.results[i]!.column !== e.column || prior.results[i]!.rule !== e.rule))
    return undefined;
  await exposeSnapshot(ctx, lakehouse, table, snapshot.withFiles(added), 'expect_added');
  await exposeSnapshot(ctx, lakehouse, table, snapshot.withFiles(kept), 'expect_prior');
  let errors = 0;
  for (const [i, e] of expectations.entries()) {
    let more: number;
    if (e.rule === 'unique') {
      const col = quoteIdentifier(e.column);
      // The earlier rows are probed with the few added values (not hashed whole).
      const [row] = await ctx.engine.db.readRows(
        `SELECT (SELECT count(*) - count(${col}) + count(${col}) - count(DISTINCT ${col}) FROM expect_added)
              + (SELECT count(DISTINCT p.${col}) FROM expect_prior AS p WHERE p.${col} IN (SELECT ${col} FROM expect_added)) AS n`,
      );
      more = Number(row!.n);
    } else {
      const query = rowRuleQuery(e, 'expect_added');
      more = Number((await ctx.engine.db.readRows(query.sql, query.params))[0]!.n);
    }
    const failures = prior.results[i]!.failures + more;
    ctx.summary.expectations.push({ ...prior.results[i]!, level: e.level, failures });
    if (failures > 0 && e.level === 'error') errors++;
  }
  return errors;
}
