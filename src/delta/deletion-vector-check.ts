import type { TableState } from './table-state.js';

/**
 * Deletion vectors mark rows of a data file as deleted without rewriting it (Spark's DELETE,
 * UPDATE and MERGE write them when `delta.enableDeletionVectors` is on). carelake does not apply
 * them, so it must not read a version whose live files carry one: it would return deleted rows.
 * A table that merely has the feature, with no live file carrying a vector (before any delete,
 * or after `REORG TABLE … APPLY (PURGE)`), reads right. Pure.
 */

/**
 * Why this version cannot be read, naming the fix, or undefined when no live file has a
 * deletion vector.
 *
 * @example
 * deletionVectorProblem(state, '/lake/t'); // 'unsupported feature deletionVectors: 2 of 5 live files …'
 */
export function deletionVectorProblem(state: TableState, tablePath: string): string | undefined {
  let withVectors = 0;
  for (const f of state.files.values())
    if (f.deletionVector !== undefined && f.deletionVector !== null) withVectors++;
  if (withVectors === 0) return undefined;
  const table = `delta.\`${tablePath}\``;
  return (
    `unsupported feature deletionVectors: ${withVectors} of ${state.files.size} live files have deletion vectors ` +
    '(rows deleted by DELETE, UPDATE or MERGE without rewriting the file), which carelake cannot apply. ' +
    `To read the table with carelake, turn them off and purge them in Spark: ALTER TABLE ${table} SET TBLPROPERTIES ` +
    `(delta.enableDeletionVectors = false); REORG TABLE ${table} APPLY (PURGE)`
  );
}
