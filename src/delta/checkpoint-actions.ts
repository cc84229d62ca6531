import type { Action } from './actions.js';
import { DEFAULT_RETENTION_MS, parseIntervalMs } from './retention-interval.js';
import type { TableState } from './table-state.js';

/**
 * The actions a checkpoint of `state` holds: protocol, metadata, the latest txn per app, live
 * files, and tombstones younger than the table's deleted-file retention. Pure.
 *
 * @example
 * const actions = checkpointActions(state, Date.now());
 */
export function checkpointActions(state: TableState, nowMs: number): Action[] {
  const retention =
    parseIntervalMs(state.metadata?.configuration?.['delta.deletedFileRetentionDuration']) ??
    DEFAULT_RETENTION_MS;
  const actions: Action[] = [];
  if (state.protocol) actions.push({ protocol: state.protocol });
  if (state.metadata) actions.push({ metaData: state.metadata });
  for (const [appId, t] of state.appVersions)
    actions.push({ txn: { appId, version: t.version, lastUpdated: t.lastUpdated ?? null } });
  for (const add of state.files.values()) actions.push({ add: { ...add, dataChange: false } });
  for (const remove of state.tombstones.values()) {
    if (Number(remove.deletionTimestamp ?? 0) > nowMs - retention)
      actions.push({ remove: { ...remove, dataChange: false } });
  }
  return actions;
}
