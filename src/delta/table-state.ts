import type { AddFile, Metadata, Protocol, RemoveFile } from './actions.js';
import { decodeLogPath } from './partition-path.js';

/**
 * The state of a table at one version, as log replay produces it. Plain data; building it is
 * pure (see replay.ts) and reading files is someone else's job.
 */
export interface TableState {
  version: number;
  protocol: Protocol | undefined;
  metadata: Metadata | undefined;
  /**
   * Live files keyed by decoded path and deletion vector (see fileKey; adds and removes may
   * encode a path differently).
   */
  files: Map<string, AddFile>;
  /** Removed files still within retention, keyed by decoded path. */
  tombstones: Map<string, RemoveFile>;
  /** Latest `txn` version per application id. */
  appVersions: Map<string, { version: number | bigint; lastUpdated?: number | bigint | null }>;
}

/** A table with no versions yet. @example const s = emptyTableState(); */
export function emptyTableState(): TableState {
  return {
    version: -1,
    protocol: undefined,
    metadata: undefined,
    files: new Map(),
    tombstones: new Map(),
    appVersions: new Map(),
  };
}

/**
 * The key a logical file is tracked under: its decoded path and, when it has one, its deletion
 * vector's unique id. PROTOCOL.md makes (path, deletionVector.uniqueId) a file's primary key:
 * Spark's DELETE with deletion vectors removes (path, old vector) and adds (path, new vector) in
 * one commit, and keying by path alone would drop the file.
 *
 * @example
 * fileKey('a%20b.parquet') // 'a b.parquet'
 */
export function fileKey(logPath: string, deletionVector?: unknown): string {
  const path = decodeLogPath(logPath);
  if (deletionVector === undefined || deletionVector === null) return path;
  const dv = deletionVector as { storageType?: string; pathOrInlineDv?: string; offset?: number | null };
  const offset = dv.offset === undefined || dv.offset === null ? '' : `@${dv.offset}`;
  return `${path}\0${dv.storageType ?? ''}${dv.pathOrInlineDv ?? ''}${offset}`;
}
