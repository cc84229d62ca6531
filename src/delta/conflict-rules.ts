import type { Action, PartitionValues } from './actions.js';
import { fileKey } from './table-state.js';

/**
 * Optimistic-concurrency rules (PROTOCOL.md and Delta's ConflictChecker, WriteSerializable
 * isolation). Pure: given what a transaction read and wrote and one winning commit, decide whether
 * the transaction may be retried on top of the winner.
 */

/** What a transaction depended on. */
export interface ReadSet {
  /** True when the transaction only adds files and read nothing (a blind append). */
  blindAppend: boolean;
  /** Keys of the files the transaction read (and may remove). */
  readFiles: ReadonlySet<string>;
  /** Keys of the files the transaction removes. */
  removedFiles: ReadonlySet<string>;
  /** Which partitions' contents the transaction read; undefined = none, 'all' = whole table. */
  readPartitions: ((values: PartitionValues) => boolean) | 'all' | undefined;
  /** Application ids of the transaction's `txn` actions. */
  appIds: readonly string[];
  /** True when the transaction itself changes metadata or protocol. */
  changesMetadata: boolean;
}

/** A named rule violation. */
export interface Conflict {
  rule:
    | 'protocol-changed'
    | 'metadata-changed'
    | 'concurrent-append'
    | 'concurrent-delete-read'
    | 'concurrent-delete-delete'
    | 'concurrent-transaction';
  detail: string;
}

/**
 * The first rule the winning commit's actions violate for this transaction, or undefined.
 *
 * @example
 * findConflict(readSet, winnerActions); // { rule: 'concurrent-delete-read', detail: 'part-0.parquet' }
 */
export function findConflict(txn: ReadSet, winner: readonly Action[]): Conflict | undefined {
  const winnerIsBlindAppend = isBlindAppend(winner);
  for (const action of winner) {
    if ('protocol' in action)
      return { rule: 'protocol-changed', detail: 'the protocol was upgraded concurrently' };
    if ('metaData' in action)
      return { rule: 'metadata-changed', detail: 'the schema or table properties changed concurrently' };
    if ('txn' in action && txn.appIds.includes(action.txn.appId)) {
      return {
        rule: 'concurrent-transaction',
        detail: `application ${action.txn.appId} committed concurrently`,
      };
    }
    if ('remove' in action && action.remove.dataChange !== false) {
      const key = fileKey(action.remove.path);
      if (txn.removedFiles.has(key))
        return { rule: 'concurrent-delete-delete', detail: `${key} was removed concurrently` };
      if (txn.readFiles.has(key))
        return {
          rule: 'concurrent-delete-read',
          detail: `${key}, which this transaction read, was removed concurrently`,
        };
    } else if ('remove' in action) {
      // A compaction (dataChange=false) rewrote a file this transaction removes: both cannot win.
      const key = fileKey(action.remove.path);
      if (txn.removedFiles.has(key))
        return { rule: 'concurrent-delete-delete', detail: `${key} was rewritten concurrently` };
    }
    // Under WriteSerializable, blind appends by others do not invalidate what we read.
    if (
      'add' in action &&
      action.add.dataChange !== false &&
      !winnerIsBlindAppend &&
      txn.readPartitions !== undefined
    ) {
      if (txn.readPartitions === 'all' || txn.readPartitions(action.add.partitionValues)) {
        return {
          rule: 'concurrent-append',
          detail: `${fileKey(action.add.path)} was added to data this transaction read`,
        };
      }
    }
  }
  return undefined;
}

/**
 * True when a commit only adds files (with data change) and reads nothing: its commitInfo says
 * so, or it has adds and no removes or metadata.
 *
 * @example
 * isBlindAppend([{ add: … }]); // true
 */
export function isBlindAppend(actions: readonly Action[]): boolean {
  for (const action of actions) {
    if ('commitInfo' in action && typeof action.commitInfo.isBlindAppend === 'boolean')
      return action.commitInfo.isBlindAppend;
  }
  return actions.every((a) => 'add' in a || 'commitInfo' in a || 'txn' in a);
}
