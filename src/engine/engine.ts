import type { Json } from '@duckdb/node-api';
import type { PartitionValues } from '../delta/actions.js';
import type { DeltaTable } from '../delta/delta-table.js';
import type { Snapshot } from '../delta/snapshot.js';
import type { WriteRequest, WriteResult } from '../delta/write-table.js';
import type { DuckDbDatabase, SqlParam, SqlParams } from './duckdb/duckdb-database.js';

/**
 * What the pipeline asks of an engine, and all it asks: DuckDB (embedded, src/engine/duckdb) and
 * Spark (through Spark Connect, src/engine/spark) implement it, and the pipeline does not know
 * which one runs.
 *
 * Guarantees every implementation keeps (test/engine/engine-contract.test.ts runs on both):
 * - SQL is written in the project's dialect (DuckDB's, as the models are); an engine that speaks
 *   another translates it (src/engine/spark/dialect) and binds `$name` parameters as values,
 *   never as text.
 * - `lakehouse.dbo.name` in a query reads the snapshot last exposed under that name, so every
 *   model of a run reads its inputs at the versions the run decided on.
 * - `CREATE OR REPLACE TEMP TABLE x AS …` keeps the rows for later statements of the run.
 * - Tables are written at the lake's paths by the engine's own Delta writer; carelake reads them
 *   back with its own log reader (`table()`), so incremental state (`txn` versions) is read the
 *   same way whoever wrote it.
 */
export interface Engine {
  readonly name: EngineName;
  /**
   * Whether the engine's writes can replace single data files chosen by carelake (its own Delta
   * writer can; Spark's writes whole partitions). Without it, the incremental steps that work
   * file by file (session tails, the summary's groups of added and removed files) recompute
   * whole clinician buckets and rebuild the summary instead, which gives the same tables.
   */
  readonly rewritesFiles: boolean;
  /** Statements and queries in the project's SQL dialect. */
  readonly db: EngineSql;
  /**
   * carelake's own embedded DuckDB, which reads landing files and Delta checkpoints on the
   * machine that runs carelake; on the DuckDB engine it is `db` itself.
   */
  readonly local: DuckDbDatabase;
  /** A Delta table handle whose log carelake reads itself. */
  table(path: string, name?: string): DeltaTable;
  /** Makes `lakehouse.dbo.name` (or the temporary view `alias`) queryable at `snapshot`. */
  exposeSnapshot(
    target: { lakehouse: string; name: string; alias?: string },
    snapshot: Snapshot,
  ): Promise<void>;
  /** Readies a run: the lakehouse names models read and the models' shared macros (models/macros/). */
  prepare(): Promise<void>;
  /**
   * Makes temporary tables or views of `local` (staged landing rows) queryable by `db` under
   * the same names; nothing to do when they are one database.
   */
  shareLocal(names: readonly string[]): Promise<void>;
  /**
   * Breaches of a unique rule on `column` (quoted) of `from` (a quoted lake name): each NULL and
   * each extra copy of a value, i.e. count(*) - count(DISTINCT column), computed the way the
   * engine holds big tables best. `rowsPerSlice` bounds one grouping on an embedded engine.
   */
  countUniqueBreaches(from: string, column: string, options?: { rowsPerSlice?: number }): Promise<number>;
  /** Writes the rows of a query to a Delta table, with the engine's own Delta writer. */
  writeQuery(table: DeltaTable, write: QueryWrite): Promise<WriteResult>;
  close(): Promise<void> | void;
}

/** The engines carelake runs on. */
export type EngineName = 'duckdb' | 'spark';

/** Statements and queries, in the project's dialect. */
export interface EngineSql {
  run(sql: string, params?: SqlParams): Promise<void>;
  readRows(sql: string, params?: SqlParams): Promise<Record<string, Json>[]>;
  /** The columns a query yields, without running it. */
  columnNames(sql: string, params?: SqlParams): Promise<string[]>;
}

/** One query's rows in a write. */
export interface QueryPart {
  sql: string;
  params?: Readonly<Record<string, SqlParam>>;
  /** Every row's partition values, when the writer can use them (DuckDB writes straight to the folder). */
  partitionValues?: PartitionValues;
}

/**
 * A Delta write whose rows are a query: WriteRequest's options in Spark's DataFrameWriter terms.
 * `parts` (several queries committed together, each to its own files) and `replaceFiles` (a
 * file-level copy-on-write) need an engine that `rewritesFiles`.
 */
export interface QueryWrite extends Omit<WriteRequest, 'source' | 'onStage'>, QueryPart {
  parts?: readonly QueryPart[];
}
