import { access } from 'node:fs/promises';
import type { Action } from './actions.js';
import { assertWritable } from './assert-writable.js';
import { commitTransaction } from './commit-transaction.js';
import type { DeltaTable } from './delta-table.js';
import { DeltaTableError } from './delta-table-error.js';
import { maybeCheckpoint } from './maybe-checkpoint.js';
import { fileKey } from './table-state.js';
import { removeOf } from './write-table.js';

/** What RESTORE did. */
export interface RestoreResult {
  version: number;
  restoredVersion: number;
  filesAdded: number;
  filesRemoved: number;
}

/**
 * RESTORE: a new version whose contents equal an older one — re-adds that version's files and
 * removes the ones added since (history is kept; nothing is rewritten). Fails, naming the files,
 * when vacuum already deleted files the old version needs.
 *
 * @example
 * await restoreTable(table, { version: 3 });
 */
export async function restoreTable(
  table: DeltaTable,
  at: { version?: number; timestamp?: Date },
): Promise<RestoreResult> {
  const current = await table.readSnapshot();
  assertWritable(table.name, current, 'restore');
  const old = await table.readSnapshot(at);
  if (old.version === current.version) {
    throw new DeltaTableError({
      table: table.name,
      version: old.version,
      problem: 'invalid-operation',
      detail: 'the table is already at that version',
    });
  }
  const now = table.now();
  const currentKeys = new Map(current.files.map((f) => [fileKey(f.path), f]));
  const oldKeys = new Map(old.files.map((f) => [fileKey(f.path), f]));
  const toAdd = [...oldKeys].filter(([k]) => !currentKeys.has(k)).map(([, f]) => f);
  const toRemove = [...currentKeys].filter(([k]) => !oldKeys.has(k)).map(([, f]) => f);
  const missing: string[] = [];
  for (const f of toAdd) {
    try {
      await access(old.absolutePath(f));
    } catch {
      missing.push(fileKey(f.path));
    }
  }
  if (missing.length > 0) {
    throw new DeltaTableError({
      table: table.name,
      version: old.version,
      problem: 'missing-file',
      detail: `cannot restore: ${missing.length} file(s) of that version were deleted (by vacuum?): ${missing.slice(0, 5).join(', ')}`,
    });
  }
  const actions: Action[] = [];
  if (
    old.metadata.schemaString !== current.metadata.schemaString ||
    old.metadata.partitionColumns.join() !== current.metadata.partitionColumns.join()
  ) {
    actions.push({ metaData: { ...old.metadata } });
  }
  actions.push(...toRemove.map((f) => ({ remove: removeOf(f, now, true) })));
  actions.push(...toAdd.map((f) => ({ add: { ...f, dataChange: true } })));
  const readFiles = new Set(currentKeys.keys());
  const result = await commitTransaction({
    store: table.store,
    table: table.name,
    readVersion: current.version,
    actions,
    commitInfo: {
      operation: 'RESTORE',
      operationParameters: { version: String(old.version) },
      operationMetrics: { numRestoredFiles: String(toAdd.length), numRemovedFiles: String(toRemove.length) },
    },
    readSet: {
      blindAppend: false,
      readFiles,
      removedFiles: new Set(toRemove.map((f) => fileKey(f.path))),
      readPartitions: 'all',
      appIds: [],
      changesMetadata: actions.some((a) => 'metaData' in a),
    },
    now: table.now,
  });
  if (result.status !== 'committed') throw new Error('restore cannot be skipped');
  await maybeCheckpoint(table, result.version, old.metadata.configuration);
  return {
    version: result.version,
    restoredVersion: old.version,
    filesAdded: toAdd.length,
    filesRemoved: toRemove.length,
  };
}
