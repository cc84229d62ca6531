import type { Action, AddFile } from './actions.js';
import { assertWritable } from './assert-writable.js';
import { commitTransaction } from './commit-transaction.js';
import type { DataWriter } from './data-writer.js';
import type { DeltaTable } from './delta-table.js';
import { DeltaTableError } from './delta-table-error.js';
import { maybeCheckpoint } from './maybe-checkpoint.js';
import { encodeLogPath } from './partition-path.js';
import type { DeltaType } from './schema.js';
import { fileKey } from './table-state.js';
import { removeOf } from './write-table.js';

/** Options of OPTIMIZE. */
export interface OptimizeOptions {
  /** Rewrite each partition sorted by the Z-order of these columns. */
  zorderBy?: readonly string[];
  /** Files at or above this size are left alone by compaction; outputs are cut near it. */
  targetFileBytes?: number;
}

/** What OPTIMIZE did. */
export interface OptimizeResult {
  version: number | undefined;
  filesRemoved: number;
  filesAdded: number;
  partitionsOptimized: number;
}

const DEFAULT_TARGET = 128 * 1024 * 1024;

/**
 * OPTIMIZE: bin-packing compaction of small files per partition, or (with `zorderBy`) a rewrite
 * of every partition in Z-order so that file statistics skip well on several columns. Rows are
 * unchanged, so every action has `dataChange: false` and concurrent appends never conflict.
 *
 * @example
 * await optimizeTable(table, engine.writer, { zorderBy: ['unit', 'admit_dt'] });
 */
export async function optimizeTable(
  table: DeltaTable,
  writer: DataWriter,
  options: OptimizeOptions = {},
): Promise<OptimizeResult> {
  const snapshot = await table.readSnapshot();
  assertWritable(table.name, snapshot, 'optimize');
  const target = options.targetFileBytes ?? DEFAULT_TARGET;
  const zorder = options.zorderBy ?? [];
  const names = new Set(snapshot.schema.fields.map((f) => f.name));
  for (const c of zorder) {
    if (!names.has(c)) {
      throw new DeltaTableError({
        table: table.name,
        problem: 'invalid-operation',
        detail: `z-order column "${c}" is not in the table (columns: ${[...names].join(', ')})`,
      });
    }
    if (snapshot.partitionColumns.includes(c)) {
      throw new DeltaTableError({
        table: table.name,
        problem: 'invalid-operation',
        detail: `z-order column "${c}" is a partition column; partitions are already clustered`,
      });
    }
  }
  const partitionTypes: Record<string, DeltaType> = {};
  for (const f of snapshot.schema.fields)
    if (snapshot.partitionColumns.includes(f.name)) partitionTypes[f.name] = f.type;
  const columns = snapshot.schema.fields.map((f) => ({
    name: f.name,
    type: f.type,
    source: { name: f.name, type: f.type },
  }));

  const byPartition = new Map<string, AddFile[]>();
  for (const f of snapshot.files) {
    const key = JSON.stringify(snapshot.partitionColumns.map((c) => f.partitionValues[c] ?? null));
    byPartition.set(key, [...(byPartition.get(key) ?? []), f]);
  }
  const removed: AddFile[] = [];
  const added: Action[] = [];
  let partitionsOptimized = 0;
  const now = table.now();
  for (const files of byPartition.values()) {
    const bins =
      zorder.length > 0
        ? [files]
        : binPack(
            files.filter((f) => Number(f.size) < target),
            target,
          );
    for (const bin of bins) {
      if (zorder.length === 0 && bin.length < 2) continue;
      const written = await writer.writeFiles({
        source: {
          kind: 'files',
          paths: bin.map((f) => snapshot.absolutePath(f)),
          partitionValues: bin[0]!.partitionValues,
        },
        tableDir: table.path,
        columns,
        partitionColumns: snapshot.partitionColumns,
        partitionTypes,
        ...(zorder.length > 0 ? { zorderBy: zorder } : {}),
        targetFileBytes: target,
      });
      removed.push(...bin);
      for (const w of written) {
        added.push({
          add: {
            path: encodeLogPath(w.relativePath),
            partitionValues: w.partitionValues,
            size: w.size,
            modificationTime: now,
            dataChange: false,
            stats: w.stats,
          },
        });
      }
      partitionsOptimized++;
    }
  }
  if (removed.length === 0)
    return { version: undefined, filesRemoved: 0, filesAdded: 0, partitionsOptimized: 0 };
  const removedKeys = new Set(removed.map((f) => fileKey(f.path)));
  const result = await commitTransaction({
    store: table.store,
    table: table.name,
    readVersion: snapshot.version,
    actions: [...removed.map((f) => ({ remove: removeOf(f, now, false) })), ...added],
    commitInfo: {
      operation: 'OPTIMIZE',
      operationParameters: { predicate: '[]', zOrderBy: JSON.stringify(zorder) },
      operationMetrics: {
        numRemovedFiles: String(removed.length),
        numAddedFiles: String(added.length),
        numRemovedBytes: String(removed.reduce((n, f) => n + Number(f.size), 0)),
      },
    },
    readSet: {
      blindAppend: false,
      readFiles: removedKeys,
      removedFiles: removedKeys,
      readPartitions: undefined,
      appIds: [],
      changesMetadata: false,
    },
    now: table.now,
  });
  if (result.status !== 'committed') throw new Error('optimize cannot be skipped');
  await maybeCheckpoint(table, result.version, snapshot.metadata.configuration);
  return {
    version: result.version,
    filesRemoved: removed.length,
    filesAdded: added.length,
    partitionsOptimized,
  };
}

/** Greedy first-fit bins of files, each bin at most `target` bytes (a lone big file is its own bin). */
function binPack(files: readonly AddFile[], target: number): AddFile[][] {
  const bins: { files: AddFile[]; bytes: number }[] = [];
  for (const f of [...files].sort((a, b) => Number(a.size) - Number(b.size))) {
    const size = Number(f.size);
    const bin = bins.find((b) => b.bytes + size <= target);
    if (bin) {
      bin.files.push(f);
      bin.bytes += size;
    } else bins.push({ files: [f], bytes: size });
  }
  return bins.map((b) => b.files);
}
