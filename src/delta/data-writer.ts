import type { PartitionValues } from './actions.js';
import type { DeltaType } from './schema.js';
import type { SourceColumn, WriteColumn } from './write-schema.js';

/**
 * Rows to write: a query with bound parameters — numbered (`$1 … $n`, an array) or named
 * (`$name`, a record); the engine adds its own in the same style — or existing data files
 * (compaction).
 */
export type WriteSource =
  | {
      kind: 'query';
      sql: string;
      params?: readonly unknown[] | Readonly<Record<string, unknown>>;
      /**
       * Optional: every row's partition columns hold these values (serialized as in the log), so
       * the rows go straight into that partition's folder without a partitioned write.
       */
      partitionValues?: PartitionValues;
    }
  | { kind: 'files'; paths: readonly string[]; partitionValues: PartitionValues };

/** One Parquet file an engine wrote, described for an `add` action. */
export interface WrittenFile {
  /** Path relative to the table folder, not yet URI-encoded. */
  relativePath: string;
  partitionValues: PartitionValues;
  size: number;
  numRecords: number;
  /** Delta statistics JSON (numRecords, minValues, maxValues, nullCount). */
  stats: string;
}

/**
 * The engine side of a write: it knows a source's columns and turns rows into Parquet files
 * inside the table folder. Delta decides what the files mean; the engine only writes them.
 */
export interface DataWriter {
  /** The columns a source produces, typed in Delta terms. */
  describeSource(source: WriteSource): Promise<SourceColumn[]>;
  /** Writes the source as files under `tableDir`, one folder per partition tuple. */
  writeFiles(request: {
    source: WriteSource;
    tableDir: string;
    columns: readonly WriteColumn[];
    partitionColumns: readonly string[];
    partitionTypes: Readonly<Record<string, DeltaType>>;
    /** Order rows by these expressions' Z-order (interleaved bits) before writing. */
    zorderBy?: readonly string[];
    targetFileBytes?: number;
  }): Promise<WrittenFile[]>;
}
