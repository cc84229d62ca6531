import type { DuckDbDatabase } from '../../engine/duckdb/duckdb-database.js';
import { DuckDbEngine } from '../../engine/duckdb/duckdb-engine.js';
import { registerLakeViews } from '../../engine/duckdb/register-lake-views.js';
import { registerSnapshotView } from '../../engine/duckdb/register-snapshot-view.js';
import { quoteIdentifier } from '../../engine/quote-identifier.js';
import type { TableVersion } from './table-version.js';

/** One engine of the pool and the table versions its views show. */
interface Slot {
  engine: DuckDbEngine;
  registered: Map<string, number>;
}

/**
 * A few embedded DuckDB engines the server's requests take turns on, one request per engine at
 * a time. Separate engines rather than connections of one: carelake's snapshot views keep
 * their file lists in connection variables, and a request may read the lake as of another
 * time. Each engine shows each table at exactly the versions the request asked for; views are
 * re-registered only when the version differs from what that engine shows.
 */
export class EnginePool {
  private readonly idle: Slot[] = [];
  private readonly waiting: ((slot: Slot) => void)[] = [];

  private constructor(private readonly slots: Slot[]) {
    this.idle.push(...slots);
  }

  /**
   * Opens `size` engines, each with the lakehouse catalogs.
   *
   * @example
   * const pool = await EnginePool.open(2, { threads: 2, memoryLimit: '2GB' });
   */
  static async open(size: number, options: { threads?: number; memoryLimit?: string }): Promise<EnginePool> {
    const slots: Slot[] = [];
    for (let i = 0; i < size; i++) {
      const engine = await DuckDbEngine.open(options);
      await registerLakeViews(engine, [], {});
      slots.push({ engine, registered: new Map() });
    }
    return new EnginePool(slots);
  }

  /**
   * Runs `work` on an engine whose views `lh_*.dbo.<table>` show `tables` at their versions.
   *
   * @example
   * await pool.withTables([v], (db) => db.readRows('SELECT count(*) AS n FROM lh_gold.dbo.t'));
   */
  async withTables<T>(tables: readonly TableVersion[], work: (db: DuckDbDatabase) => Promise<T>): Promise<T> {
    const slot = this.idle.pop() ?? (await new Promise<Slot>((resolve) => this.waiting.push(resolve)));
    try {
      for (const t of tables) {
        if (slot.registered.get(t.table) === t.version) continue;
        const [catalog, schema, name] = t.table.split('.') as [string, string, string];
        slot.registered.delete(t.table);
        // Lakehouses copied into the lake (or lh_audit) get their catalog on first use.
        await slot.engine.db.run(`ATTACH IF NOT EXISTS ':memory:' AS ${quoteIdentifier(catalog)}`);
        await slot.engine.db.run(
          `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(catalog)}.${quoteIdentifier(schema)}`,
        );
        await registerSnapshotView(slot.engine.db, { catalog, schema, name }, t.snapshot);
        slot.registered.set(t.table, t.version);
      }
      return await work(slot.engine.db);
    } finally {
      const next = this.waiting.shift();
      if (next) next(slot);
      else this.idle.push(slot);
    }
  }

  /** The engine used for Delta plumbing (checkpoint reading). */
  get primary(): DuckDbEngine {
    return this.slots[0]!.engine;
  }

  close(): void {
    for (const s of this.slots) s.engine.close();
  }
}
