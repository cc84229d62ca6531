import type { Action, AddFile, PartitionValues } from './actions.js';
import { fileKey, type TableState } from './table-state.js';

/**
 * Applies one version's actions to a state, in place, and returns it. Pure with respect to I/O:
 * log replay is a fold of this over versions (PROTOCOL.md, "Action Reconciliation").
 *
 * @example
 * const state = applyActions(emptyTableState(), 0, actions);
 */
export function applyActions(state: TableState, version: number, actions: readonly Action[]): TableState {
  for (const action of actions) {
    if ('add' in action) {
      const key = fileKey(action.add.path, action.add.deletionVector);
      state.files.set(key, withNullPartitions(action.add));
      state.tombstones.delete(key);
    } else if ('remove' in action) {
      const key = fileKey(action.remove.path, action.remove.deletionVector);
      state.files.delete(key);
      state.tombstones.set(key, action.remove);
    } else if ('metaData' in action) {
      state.metadata = action.metaData;
    } else if ('protocol' in action) {
      state.protocol = action.protocol;
    } else if ('txn' in action) {
      state.appVersions.set(action.txn.appId, {
        version: action.txn.version,
        lastUpdated: action.txn.lastUpdated ?? null,
      });
    }
  }
  state.version = version;
  return state;
}

/** The protocol reads an empty partition value as null; normalise once so no reader sees ''. */
function withNullPartitions(add: AddFile): AddFile {
  const values = add.partitionValues ?? {};
  if (!Object.values(values).some((v) => v === '')) return add;
  const partitionValues: PartitionValues = {};
  for (const [k, v] of Object.entries(values)) partitionValues[k] = v === '' ? null : v;
  return { ...add, partitionValues };
}
