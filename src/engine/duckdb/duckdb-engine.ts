import { DeltaTable } from '../../delta/delta-table.js';
import { DuckDbCheckpointIO } from './duckdb-checkpoint-io.js';
import { DuckDbDataWriter } from './duckdb-data-writer.js';
import { DuckDbDatabase, type DuckDbOptions } from './duckdb-database.js';

/**
 * The embedded engine: one DuckDB database plus the Delta plumbing that runs on it (Parquet
 * checkpoints and data-file writing). Close it when done.
 *
 * @example
 * const engine = await DuckDbEngine.open();
 * const table = engine.table('/lake/lh_gold.Lakehouse/Tables/dbo/t');
 * await writeTable(table, engine.writer, { source: { kind: 'query', sql: 'SELECT 1 AS id' } });
 */
export class DuckDbEngine {
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

  /** A Delta table handle whose checkpoints this engine reads and writes. */
  table(path: string, name?: string): DeltaTable {
    return DeltaTable.at(
      path,
      { checkpoints: this.checkpoints, ...(this.now ? { now: this.now } : {}) },
      name ?? path,
    );
  }

  close(): void {
    this.db.close();
  }
}
