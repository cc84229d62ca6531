import type { AddFile, Metadata, Protocol } from './actions.js';
import { decodeLogPath } from './partition-path.js';
import { parseSchema, type StructType } from './schema.js';
import { fileKey, type TableState } from './table-state.js';

/**
 * A read-only view of a table at one version: schema, partitioning and live files. Built from
 * a replayed TableState; holds no handles.
 *
 * @example
 * const snap = await table.snapshot(); snap.files.length;
 */
export class Snapshot {
  readonly version: number;
  readonly protocol: Protocol;
  readonly metadata: Metadata;
  readonly schema: StructType;
  readonly partitionColumns: readonly string[];
  readonly files: readonly AddFile[];

  constructor(
    readonly tablePath: string,
    readonly state: TableState,
    /** True for a subset of the version's files (withFiles): not the whole table at `version`. */
    readonly isSubset = false,
  ) {
    this.version = state.version;
    this.protocol = state.protocol!;
    this.metadata = state.metadata!;
    this.schema = parseSchema(this.metadata.schemaString);
    this.partitionColumns = this.metadata.partitionColumns;
    this.files = [...state.files.values()];
  }

  /**
   * The same version restricted to some of its files, e.g. the files an incremental run has not
   * processed yet.
   *
   * @example
   * const fresh = snap.withFiles(snap.files.filter((f) => !seen.has(f.path)));
   */
  withFiles(files: readonly AddFile[]): Snapshot {
    const state = { ...this.state, files: new Map(files.map((f) => [fileKey(f.path, f.deletionVector), f])) };
    return new Snapshot(this.tablePath, state, true);
  }

  /** Absolute path of a live file. @example snap.absolutePath(snap.files[0]) */
  absolutePath(file: AddFile): string {
    const path = decodeLogPath(file.path);
    return path.startsWith('/') ? path : `${this.tablePath}/${path}`;
  }

  /** The last committed version of an idempotent writer, or undefined. @example snap.appVersion('bronze:emr') */
  appVersion(appId: string): number | undefined {
    const v = this.state.appVersions.get(appId);
    return v === undefined ? undefined : Number(v.version);
  }

  /**
   * Total rows, from file statistics less the rows deletion vectors delete (undefined when a
   * file lacks numRecords). @example snap.numRecords()
   */
  numRecords(): number | undefined {
    let total = 0;
    for (const f of this.files) {
      const n = f.stats ? (JSON.parse(f.stats) as { numRecords?: number }).numRecords : undefined;
      if (n === undefined) return undefined;
      const deleted = (f.deletionVector as { cardinality?: number } | null | undefined)?.cardinality ?? 0;
      total += n - Number(deleted);
    }
    return total;
  }

  /** Sum of live file sizes in bytes. @example snap.sizeInBytes() */
  sizeInBytes(): number {
    return this.files.reduce((sum, f) => sum + Number(f.size), 0);
  }
}
