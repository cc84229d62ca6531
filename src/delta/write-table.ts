import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Action, AddFile, Metadata, PartitionValues, RemoveFile } from './actions.js';
import { assertWritable } from './assert-writable.js';
import { type CommitResult, commitTransaction, type WriteStage } from './commit-transaction.js';
import { ConcurrentModificationError } from './concurrent-modification-error.js';
import type { DataWriter, WriteSource, WrittenFile } from './data-writer.js';
import type { DeltaTable } from './delta-table.js';
import { DeltaTableError } from './delta-table-error.js';
import { maybeCheckpoint } from './maybe-checkpoint.js';
import { encodeLogPath } from './partition-path.js';
import { type DeltaType, type StructType, serializeSchema } from './schema.js';
import { SchemaMismatchError } from './schema-mismatch-error.js';
import type { Snapshot } from './snapshot.js';
import { planWriteSchema } from './write-schema.js';

/** Which partitions an overwrite replaces: every listed column must equal one of its values. */
export type ReplaceWhere = Record<string, readonly (string | null)[]>;

/** A write request, in the terms of Spark's DataFrameWriter for Delta. */
export interface WriteRequest {
  /**
   * The rows. Several sources are written one after the other (each to its own files, e.g. one
   * per partition with declared partition values) and committed together; the first one's
   * columns decide the schema, and every source must produce the same columns.
   */
  source: WriteSource | readonly WriteSource[];
  /** append (default), overwrite, error if the table exists, or ignore if it exists. */
  mode?: 'append' | 'overwrite' | 'error' | 'ignore';
  partitionBy?: readonly string[];
  /** With mode overwrite: replace only the partitions matching this (partition columns only). */
  replaceWhere?: ReplaceWhere;
  /**
   * With mode overwrite: remove exactly these live data files (their log paths) rather than every
   * file replaceWhere matches — a file-level copy-on-write: the other files of the partitions
   * stay as they are. replaceWhere, if given, still bounds the rows written and the files removed,
   * and a concurrent commit that adds files to its partitions conflicts (the writer read them). A
   * path that is not live when the write starts is refused (`invalid-operation`).
   */
  replaceFiles?: readonly string[];
  /** merge: add new nullable columns; overwrite (with mode overwrite): replace the schema. */
  schemaMode?: 'merge' | 'overwrite';
  /** Idempotent write: skipped when this application already committed this version or later. */
  txn?: { appId: string; version: number };
  /**
   * More `txn` actions committed with the data but never used to skip the write: the versions of
   * the inputs this commit brings the table up to date with (a pipeline's incremental state, so
   * that state advances only with the commit that makes it true).
   */
  watermarks?: readonly { appId: string; version: number }[];
  /** Table properties for a new table (`delta.checkpointInterval`, …). */
  configuration?: Record<string, string>;
  description?: string;
  onStage?: (stage: WriteStage) => void;
}

/** What a write did. */
export interface WriteResult {
  status: 'committed' | 'skipped';
  version: number;
  filesAdded: number;
  filesRemoved: number;
  rowsWritten: number;
}

/**
 * Writes rows to a Delta table: create, append, overwrite, overwrite of selected partitions
 * (replaceWhere) or of selected files (replaceFiles, a file-level copy-on-write; one or more
 * sources committed together), with schema validation and opt-in evolution, idempotent `txn` writes,
 * optimistic-concurrency commit, and a checkpoint every `delta.checkpointInterval` commits.
 *
 * Guarantees under concurrent writers (other processes, Spark, delta-rs): a write that creates
 * the table and loses the race for version 0 never degrades into an append — it fails with
 * ConcurrentModificationError `concurrent-create` (mode "ignore": skipped) and leaves no files;
 * an overwrite or replaceWhere whose read partitions a concurrent non-blind commit added files
 * to or removed files from fails (WriteSerializable; concurrent blind appends are serialized
 * after it and keep their rows); anything else is retried on top of the winners.
 *
 * @example
 * await writeTable(table, writer, { source: { kind: 'query', sql: 'SELECT 1 AS id' }, mode: 'append' });
 */
export async function writeTable(
  table: DeltaTable,
  writer: DataWriter,
  request: WriteRequest,
): Promise<WriteResult> {
  const mode = request.mode ?? 'append';
  const existing = (await table.exists()) ? await table.readSnapshot() : undefined;
  if (existing !== undefined) {
    if (mode === 'ignore') return skipped(existing.version);
    if (mode === 'error') {
      throw new DeltaTableError({
        table: table.name,
        problem: 'invalid-operation',
        detail: 'table already exists (mode "error")',
      });
    }
    assertWritable(table.name, existing, 'write to');
    if (request.txn !== undefined && (existing.appVersion(request.txn.appId) ?? -1) >= request.txn.version) {
      return skipped(existing.version);
    }
  }
  const sources: readonly WriteSource[] = Array.isArray(request.source)
    ? (request.source as readonly WriteSource[])
    : [request.source as WriteSource];
  if (sources.length === 0) {
    throw new DeltaTableError({
      table: table.name,
      problem: 'invalid-operation',
      detail: 'no source to write',
    });
  }
  const sourceColumns = await writer.describeSource(sources[0]!);
  const replacing = mode === 'overwrite' && request.schemaMode === 'overwrite';
  const partitionColumns =
    existing && !replacing ? [...existing.partitionColumns] : [...(request.partitionBy ?? [])];
  if (
    existing &&
    !replacing &&
    request.partitionBy &&
    request.partitionBy.join(',') !== partitionColumns.join(',')
  ) {
    throw new DeltaTableError({
      table: table.name,
      problem: 'invalid-operation',
      detail: `partitionBy (${request.partitionBy.join(', ')}) differs from the table's partitioning (${partitionColumns.join(', ')})`,
    });
  }
  const baseSchema: StructType = existing && !replacing ? existing.schema : { type: 'struct', fields: [] };
  const plan = planWriteSchema(baseSchema, sourceColumns, {
    merge: !existing || replacing || request.schemaMode === 'merge',
  });
  if (plan.problems.length > 0) throw new SchemaMismatchError(table.name, plan.problems);
  const fieldTypes = new Map(plan.schema.fields.map((f) => [f.name, f.type]));
  const partitionTypes: Record<string, DeltaType> = {};
  for (const c of partitionColumns) {
    const t = fieldTypes.get(c);
    if (t === undefined || typeof t !== 'string') {
      throw new DeltaTableError({
        table: table.name,
        problem: 'invalid-operation',
        detail: `partition column "${c}" must be a column of primitive type`,
      });
    }
    partitionTypes[c] = t;
  }
  if (request.replaceWhere !== undefined)
    checkReplaceWhere(table.name, request.replaceWhere, partitionColumns, mode);
  const replaced = request.replaceFiles === undefined ? undefined : new Set(request.replaceFiles);
  if (replaced !== undefined) checkReplaceFiles(table.name, replaced, existing, request.replaceWhere, mode);

  const written: WrittenFile[] = [];
  const cleanup = () =>
    Promise.all(written.map((f) => rm(join(table.path, f.relativePath), { force: true })));
  try {
    for (const source of sources) {
      written.push(
        ...(await writer.writeFiles({
          source,
          tableDir: table.path,
          columns: plan.columns,
          partitionColumns,
          partitionTypes,
        })),
      );
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
  if (request.replaceWhere !== undefined) {
    const outside = written.find((f) => !matchesReplaceWhere(request.replaceWhere!, f.partitionValues));
    if (outside !== undefined) {
      await cleanup();
      throw new DeltaTableError({
        table: table.name,
        problem: 'invalid-operation',
        detail: `data written with replaceWhere has rows outside it (partition ${JSON.stringify(outside.partitionValues)})`,
      });
    }
  }
  request.onStage?.('data-written');

  const now = table.now();
  const actions: Action[] = [];
  if (!existing || replacing || plan.schemaChanged) {
    actions.push(...newTableActions(existing, plan.schema, partitionColumns, request, now));
  }
  const removed: AddFile[] = [];
  if (existing && mode === 'overwrite') {
    for (const f of existing.files) {
      if (
        replaced !== undefined
          ? replaced.has(f.path)
          : request.replaceWhere === undefined || matchesReplaceWhere(request.replaceWhere, f.partitionValues)
      )
        removed.push(f);
    }
  }
  for (const f of removed) actions.push({ remove: removeOf(f, now) });
  for (const f of written) actions.push({ add: addOf(f, now) });
  for (const t of [...(request.txn ? [request.txn] : []), ...(request.watermarks ?? [])])
    actions.push({ txn: { appId: t.appId, version: t.version, lastUpdated: now } });

  const rowsWritten = written.reduce((n, f) => n + f.numRecords, 0);
  const removedKeys = new Set(removed.map((f) => f.path));
  const rw = request.replaceWhere;
  let result: CommitResult;
  try {
    result = await commitTransaction({
      store: table.store,
      table: table.name,
      readVersion: existing?.version ?? -1,
      actions,
      commitInfo: {
        operation: existing ? 'WRITE' : 'CREATE TABLE AS SELECT',
        operationParameters: {
          mode: mode === 'overwrite' ? 'Overwrite' : 'Append',
          partitionBy: JSON.stringify(partitionColumns),
          ...(rw ? { predicate: JSON.stringify(rw) } : {}),
          ...(replaced ? { replacedFiles: String(replaced.size) } : {}),
        },
        operationMetrics: {
          numFiles: String(written.length),
          numOutputRows: String(rowsWritten),
          numOutputBytes: String(written.reduce((n, f) => n + f.size, 0)),
          numRemovedFiles: String(removed.length),
        },
      },
      readSet: {
        blindAppend: mode === 'append' && !plan.schemaChanged && existing !== undefined,
        readFiles: removedKeys,
        removedFiles: removedKeys,
        readPartitions: mode === 'overwrite' ? (rw ? (pv) => matchesReplaceWhere(rw, pv) : 'all') : undefined,
        appIds: [
          ...(request.txn ? [request.txn.appId] : []),
          ...(request.watermarks ?? []).map((w) => w.appId),
        ],
        changesMetadata: !existing || replacing || plan.schemaChanged,
      },
      ...(request.txn ? { txn: request.txn } : {}),
      now: table.now,
      ...(request.onStage ? { onStage: request.onStage } : {}),
    });
  } catch (error) {
    await cleanup();
    // "ignore" means: create unless the table exists. A concurrent creator won: it exists.
    if (
      mode === 'ignore' &&
      error instanceof ConcurrentModificationError &&
      error.conflict === 'concurrent-create'
    )
      return skipped(error.version);
    throw error;
  }
  if (result.status === 'skipped') {
    await cleanup();
    return skipped(result.version);
  }
  await maybeCheckpoint(table, result.version, {
    ...(existing?.metadata.configuration ?? {}),
    ...(request.configuration ?? {}),
  });
  return {
    status: 'committed',
    version: result.version,
    filesAdded: written.length,
    filesRemoved: removed.length,
    rowsWritten,
  };
}

function skipped(version: number): WriteResult {
  return { status: 'skipped', version, filesAdded: 0, filesRemoved: 0, rowsWritten: 0 };
}

function newTableActions(
  existing: Snapshot | undefined,
  schema: StructType,
  partitionColumns: string[],
  request: WriteRequest,
  now: number,
): Action[] {
  const metaData: Metadata = {
    id: existing?.metadata.id ?? randomUUID(),
    name: existing?.metadata.name ?? null,
    description: request.description ?? existing?.metadata.description ?? null,
    format: { provider: 'parquet', options: {} },
    schemaString: serializeSchema(schema),
    partitionColumns,
    configuration: { ...(existing?.metadata.configuration ?? {}), ...(request.configuration ?? {}) },
    createdTime: existing?.metadata.createdTime ?? now,
  };
  const actions: Action[] = [];
  if (!existing) actions.push({ protocol: { minReaderVersion: 1, minWriterVersion: 2 } });
  actions.push({ metaData });
  return actions;
}

function addOf(file: WrittenFile, now: number): AddFile {
  return {
    path: encodeLogPath(file.relativePath),
    partitionValues: file.partitionValues,
    size: file.size,
    modificationTime: now,
    dataChange: true,
    stats: file.stats,
  };
}

/**
 * The remove action that retires a live file, keeping its partition values, size and stats
 * (extendedFileMetadata) so that readers of the tombstone need nothing else.
 *
 * @example
 * removeOf(snapshot.files[0], Date.now());
 */
export function removeOf(file: AddFile, now: number, dataChange = true): RemoveFile {
  return {
    path: file.path,
    deletionTimestamp: now,
    dataChange,
    extendedFileMetadata: true,
    partitionValues: file.partitionValues,
    size: file.size,
    ...(file.stats ? { stats: file.stats } : {}),
  };
}

/**
 * True when a file's partition values satisfy a replaceWhere predicate.
 *
 * @example
 * matchesReplaceWhere({ d: ['2024-01-01'] }, { d: '2024-01-01' }); // true
 */
export function matchesReplaceWhere(predicate: ReplaceWhere, values: PartitionValues): boolean {
  return Object.entries(predicate).every(([column, allowed]) => allowed.includes(values[column] ?? null));
}

function checkReplaceFiles(
  table: string,
  paths: ReadonlySet<string>,
  existing: Snapshot | undefined,
  predicate: ReplaceWhere | undefined,
  mode: string,
): void {
  const refuse = (detail: string) => {
    throw new DeltaTableError({ table, problem: 'invalid-operation', detail });
  };
  if (mode !== 'overwrite') refuse('replaceFiles needs mode "overwrite"');
  const live = new Map((existing?.files ?? []).map((f) => [f.path, f]));
  for (const path of paths) {
    const file = live.get(path);
    if (file === undefined) refuse(`replaceFiles names ${path}, which is not a live file of the table`);
    if (predicate !== undefined && !matchesReplaceWhere(predicate, file!.partitionValues))
      refuse(`replaceFiles names ${path}, which is outside replaceWhere`);
  }
}

function checkReplaceWhere(
  table: string,
  predicate: ReplaceWhere,
  partitionColumns: string[],
  mode: string,
): void {
  if (mode !== 'overwrite') {
    throw new DeltaTableError({
      table,
      problem: 'invalid-operation',
      detail: 'replaceWhere needs mode "overwrite"',
    });
  }
  for (const column of Object.keys(predicate)) {
    if (!partitionColumns.includes(column)) {
      throw new DeltaTableError({
        table,
        problem: 'invalid-operation',
        detail: `replaceWhere column "${column}" is not a partition column (partitions: ${partitionColumns.join(', ') || 'none'})`,
      });
    }
  }
}
