import type { DeltaTable } from './delta-table.js';
import { readLogListing } from './read-log-listing.js';
import { readTableState } from './read-table-state.js';
import { writeCheckpoint } from './write-checkpoint.js';

/**
 * Writes a checkpoint after `version` when it is a multiple of the table's
 * `delta.checkpointInterval` (default 10). A failed checkpoint never fails the commit that is
 * already durable; the next interval tries again.
 *
 * @example
 * await maybeCheckpoint(table, 20, snapshot.metadata.configuration);
 */
export async function maybeCheckpoint(
  table: DeltaTable,
  version: number,
  configuration: Readonly<Record<string, string>> | null | undefined,
): Promise<boolean> {
  const interval = Number(configuration?.['delta.checkpointInterval'] ?? 10);
  if (version === 0 || !(interval > 0) || version % interval !== 0) return false;
  try {
    const listing = await readLogListing(table.store);
    const state = await readTableState({
      store: table.store,
      checkpoints: table.deps.checkpoints,
      table: table.name,
      listing,
      version,
    });
    await writeCheckpoint({ store: table.store, checkpoints: table.deps.checkpoints, state, now: table.now });
    return true;
  } catch {
    return false;
  }
}
