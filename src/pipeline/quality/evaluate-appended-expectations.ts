import type { Snapshot } from '../../delta/snapshot.js';
import { quoteIdentifier } from '../../engine/quote-identifier.js';
import type { Expectation } from '../read-model.js';
import { exposeSnapshot, lakeTable, type RunContext } from '../run-context.js';
import type { RunSummary } from '../run-summary.js';
import { rowRuleQuery } from './evaluate-expectations.js';

/** A table's expectation results, the version and the data files they were computed over. */
export interface PriorExpectations {
  version: number;
  results: RunSummary['expectations'];
  files: ReadonlySet<string>;
}

/**
 * Checks a table from its previous results by reading only the data files added and removed
 * since they were computed (appends, as bronze and an incremental silver emr_events get in every
 * batch, and file-level rewrites, as gold clinician_emr_sessions gets): a row-local rule's
 * failures are the earlier ones, less those in the removed rows, plus those in the added rows; a
 * unique rule's NULLs likewise, and for each value in the added or removed rows its extra copies
 * are counted again from its copies in the files kept, the added and the removed ones (each
 * value's extra copies, exactly as over the whole table). The kept files are probed with those
 * few values only. Pushes the results like evaluateExpectations and returns the error-level
 * breaches, or undefined, checking nothing, when the rules changed, the earlier version can no
 * longer be read or more rows were removed than kept (the caller then evaluates the whole
 * table).
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
  if (prior.results.length !== expectations.length) return undefined;
  if (expectations.some((e, i) => prior.results[i]!.column !== e.column || prior.results[i]!.rule !== e.rule))
    return undefined;
  const added = snapshot.files.filter((f) => !prior.files.has(f.path));
  const kept = snapshot.files.filter((f) => prior.files.has(f.path));
  let removed = snapshot.withFiles([]);
  if (kept.length !== prior.files.size) {
    const now = new Set(snapshot.files.map((f) => f.path));
    try {
      const before = await lakeTable(ctx, lakehouse, table).readSnapshot({ version: prior.version });
      removed = before.withFiles(before.files.filter((f) => !now.has(f.path)));
    } catch {
      return undefined;
    }
    if (removed.files.length + kept.length !== prior.files.size) return undefined;
    // A table rewritten mostly (the hospital tables are overwritten whole) is cheaper to check
    // whole than through its removed and added rows.
    if ((removed.numRecords() ?? Number.POSITIVE_INFINITY) > (snapshot.withFiles(kept).numRecords() ?? 0))
      return undefined;
  }
  await exposeSnapshot(ctx, lakehouse, table, snapshot.withFiles(added), 'expect_added');
  await exposeSnapshot(ctx, lakehouse, table, snapshot.withFiles(kept), 'expect_prior');
  await exposeSnapshot(ctx, lakehouse, table, removed, 'expect_removed');
  let errors = 0;
  for (const [i, e] of expectations.entries()) {
    let more: number;
    if (e.rule === 'unique') {
      const col = quoteIdentifier(e.column);
      // Each changed value's extra copies after, less before; the kept rows are probed with the
      // few changed values (not hashed whole).
      const [row] = await ctx.engine.db.readRows(
        `WITH changed AS (
           SELECT v, sum(a) AS a, sum(r) AS r FROM (
             SELECT ${col} AS v, 1 AS a, 0 AS r FROM expect_added WHERE ${col} IS NOT NULL
             UNION ALL SELECT ${col}, 0, 1 FROM expect_removed WHERE ${col} IS NOT NULL)
           GROUP BY v
         ),
         kept AS (
           SELECT ${col} AS v, count(*) AS k FROM expect_prior WHERE ${col} IN (SELECT v FROM changed) GROUP BY 1
         )
         SELECT (SELECT count(*) - count(${col}) FROM expect_added) - (SELECT count(*) - count(${col}) FROM expect_removed)
              + coalesce((SELECT sum(greatest(coalesce(kept.k, 0) + changed.a - 1, 0) - greatest(coalesce(kept.k, 0) + changed.r - 1, 0))
                          FROM changed LEFT JOIN kept USING (v)), 0) AS n`,
      );
      more = Number(row!.n);
    } else {
      const plus = rowRuleQuery(e, 'expect_added');
      const minus = rowRuleQuery(e, 'expect_removed');
      more =
        Number((await ctx.engine.db.readRows(plus.sql, plus.params))[0]!.n) -
        (removed.files.length === 0
          ? 0
          : Number((await ctx.engine.db.readRows(minus.sql, minus.params))[0]!.n));
    }
    const failures = prior.results[i]!.failures + more;
    ctx.summary.expectations.push({ ...prior.results[i]!, level: e.level, failures });
    if (failures > 0 && e.level === 'error') errors++;
  }
  return errors;
}
