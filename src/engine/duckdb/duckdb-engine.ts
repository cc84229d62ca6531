import { DeltaTable } from '../../delta/delta-table.js';
import type { Snapshot } from '../../delta/snapshot.js';
import { type WriteResult, writeTable } from '../../delta/write-table.js';
import { readMacros } from '../../pipeline/read-model.js';
import type { Engine, QueryPart, QueryWrite } from '../engine.js';
import { countUniqueBreaches } from './count-unique-breaches.js';
import { DuckDbCheckpointIO } from './duckdb-checkpoint-io.js';
import { DuckDbDataWriter } from './duckdb-data-writer.js';
import { DuckDbDatabase, type DuckDbOptions } from './duckdb-database.js';
import { registerLakeViews } from './register-lake-views.js';
import { registerSnapshotView } from './register-snapshot-view.js';

/**
 * The embedded engine: one DuckDB database plus the Delta plumbing that runs on it (Parquet
 * checkpoints and data-file writing, carelake's own Delta writer). Close it when done.
 *
 * @example
 * const engine = await DuckDbEngine.open();
 * const table = engine.table('/lake/lh_gold.Lakehouse/Tables/dbo/t');
 * await engine.writeQuery(table, { sql: 'SELECT 1 AS id' });
 */
export class DuckDbEngine implements Engine {
  readonly name = 'duckdb' as const;
  readonly rewritesFiles = true;
  readonly checkpoints: DuckDbCheckpointIO;
  readonly writer: DuckDbDataWriter;

  private constructor(
    readonly db: DuckDbDatabase,
    private readonly now: (() => number) | undefined,
  ) {
    this.checkpoints = new DuckDbCheckpointIO(db);
    this.writer = new DuckDbDataWriter(db);
  }

  static async open(options: DuckDbOptions & { now?: () => number } = {}): Promise<DuckDbEngine> {
    return new DuckDbEngine(await DuckDbDatabase.open(options), options.now);
  }

  get local(): DuckDbDatabase {
    return this.db;
  }

  /** A Delta table handle whose checkpoints this engine reads and writes. */
  table(path: string, name?: string): DeltaTable {
    return DeltaTable.at(
      path,
      { checkpoints: this.checkpoints, ...(this.now ? { now: this.now } : {}) },
      name ?? path,
    );
  }

  async exposeSnapshot(
    target: { lakehouse: string; name: string; alias?: string },
    snapshot: Snapshot,
  ): Promise<void> {
    await registerSnapshotView(
      this.db,
      target.alias === undefined
        ? { catalog: target.lakehouse, schema: 'dbo', name: target.name }
        : { catalog: 'temp', schema: 'main', name: target.alias },
      snapshot,
    );
  }

  async prepare(): Promise<void> {
    await registerLakeViews(this, [], {});
    for (const sql of readMacros()) await this.db.run(sql);
  }

  async shareLocal(): Promise<void> {}

  countUniqueBreaches(
    from: string,
    column: string,
    options: { rowsPerSlice?: number } = {},
  ): Promise<number> {
    return countUniqueBreaches(this.db, from, column, options.rowsPerSlice);
  }

  writeQuery(table: DeltaTable, write: QueryWrite): Promise<WriteResult> {
    const { sql, params, partitionValues, parts, ...request } = write;
    const source = (part: QueryPart) => ({
      kind: 'query' as const,
      sql: part.sql,
      ...(part.params ? { params: part.params } : {}),
      ...(part.partitionValues ? { partitionValues: part.partitionValues } : {}),
    });
    return writeTable(table, this.writer, {
      ...request,
      source: parts
        ? parts.map(source)
        : source({ sql, ...(params ? { params } : {}), ...(partitionValues ? { partitionValues } : {}) }),
    });
  }

  close(): void {
    this.db.close();
  }
}
