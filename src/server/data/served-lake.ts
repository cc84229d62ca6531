import type { DuckDbDatabase } from '../../engine/duckdb/duckdb-database.js';
import { DuckDbEngine } from '../../engine/duckdb/duckdb-engine.js';
import { type LakeTable, qualifiedName } from '../../lakehouse/lake-table.js';
import type { Lake } from '../../lakehouse/read-lake.js';
import { readLakeTables } from '../../lakehouse/read-lake-tables.js';
import { EnginePool } from './engine-pool.js';
import { SnapshotCache } from './snapshot-cache.js';
import type { TableVersion } from './table-version.js';

/** How long the list of the lake's tables is reused before the folders are read again. */
const TABLE_LIST_MS = 1000;

/**
 * The lake as the server reads it: its tables (re-listed at most once a second, so tables a
 * first run creates appear), their snapshots at the latest version or as of a time, and a pool
 * of engines to query them on. Every request reads the latest versions anew, so a pipeline run
 * is visible on the next request without a restart.
 */
export class ServedLake {
  private listed: { at: number; tables: Promise<LakeTable[]> } | undefined;

  private constructor(
    readonly lake: Lake,
    private readonly plumbing: DuckDbEngine,
    private readonly snapshots: SnapshotCache,
    private readonly pool: EnginePool,
    private readonly clock: () => number,
  ) {}

  /**
   * Opens the engines for `lake`.
   *
   * @example
   * const served = await ServedLake.open(lake, { engines: 2 });
   */
  static async open(
    lake: Lake,
    options: { engines?: number; clock?: () => number } = {},
  ): Promise<ServedLake> {
    const engines = options.engines ?? 2;
    const plumbing = await DuckDbEngine.open({ threads: 1 });
    const limit = lake.config.engine?.memoryLimit;
    const pool = await EnginePool.open(engines, {
      threads: lake.config.engine?.threads ?? 2,
      ...(limit ? { memoryLimit: limit } : {}),
    });
    return new ServedLake(
      lake,
      plumbing,
      new SnapshotCache(plumbing.checkpoints),
      pool,
      options.clock ?? Date.now,
    );
  }

  /** Every Delta table in the lake. @example await served.readTables() */
  async readTables(): Promise<LakeTable[]> {
    const now = this.clock();
    if (this.listed === undefined || now - this.listed.at > TABLE_LIST_MS) {
      this.listed = { at: now, tables: readLakeTables(this.lake.dir) };
    }
    return this.listed.tables;
  }

  /**
   * The given tables (`lh_gold.dbo.name`) at their latest versions or as of `asOf`; tables
   * that do not exist (yet, or at that time) are left out.
   *
   * @example
   * const versions = await served.readVersions(['lh_gold.dbo.gold_healthcare_kpis']);
   */
  async readVersions(names: readonly string[], asOf?: Date): Promise<TableVersion[]> {
    const tables = await this.readTables();
    const out: TableVersion[] = [];
    for (const name of names) {
      const table = tables.find((t) => qualifiedName(t).toLowerCase() === name.toLowerCase());
      if (table === undefined) continue;
      const v = await this.snapshots.readVersion(table, asOf);
      if (v !== undefined) out.push(v);
    }
    return out;
  }

  /**
   * Runs `work` on an engine showing exactly `versions`.
   *
   * @example
   * await served.query(versions, (db) => db.readRows('SELECT 1'));
   */
  query<T>(versions: readonly TableVersion[], work: (db: DuckDbDatabase) => Promise<T>): Promise<T> {
    return this.pool.withTables(versions, work);
  }

  close(): void {
    this.pool.close();
    this.plumbing.close();
  }
}
