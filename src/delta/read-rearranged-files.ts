import type { DeltaTable } from './delta-table.js';
import { DeltaTableError } from './delta-table-error.js';
import { readLogListing } from './read-log-listing.js';
import { readCommitActions } from './read-table-state.js';

/**
 * The paths of the files that the commits after `sinceVersion`, up to `untilVersion`, added
 * with `dataChange: false` (OPTIMIZE's outputs: rows rearranged, none new). Read from the
 * commit files themselves: a snapshot cannot tell, since a checkpoint writes every live file
 * with `dataChange: false` (as the protocol asks) and a snapshot read through one would make an
 * append look like a compaction. Refuses, with a typed error, a commit that is no longer in the
 * log (log retention): the caller then starts over, which is always right.
 *
 * @example
 * const rearranged = await readRearrangedFiles(table, 12, 15); // Set { 'b=3/part-…parquet' }
 */
export async function readRearrangedFiles(
  table: DeltaTable,
  sinceVersion: number,
  untilVersion: number,
): Promise<Set<string>> {
  const listing = await readLogListing(table.store);
  const rearranged = new Set<string>();
  for (let v = sinceVersion + 1; v <= untilVersion; v++) {
    const entry = listing.commits.get(v);
    if (entry === undefined) {
      throw new DeltaTableError({
        table: table.name,
        version: v,
        problem: 'missing-version',
        detail: `commit file for version ${v} is no longer in the log (needed to compare with version ${sinceVersion})`,
      });
    }
    for (const action of await readCommitActions(table.store, table.name, v, entry.name)) {
      if ('add' in action) {
        if (action.add.dataChange === false) rearranged.add(action.add.path);
        else rearranged.delete(action.add.path);
      }
    }
  }
  return rearranged;
}
