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
  /** Live files keyed by decoded path (adds and removes may encode a path differently). */
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

/** The key a path is tracked under. @example fileKey('a%20b.parquet') // 'a b.parquet' */
export function fileKey(logPath: string): string {
  return decodeLogPath(logPath);
}
