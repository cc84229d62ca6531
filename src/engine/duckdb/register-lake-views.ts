import { DeltaTableError } from '../../delta/delta-table-error.js';
import type { Snapshot } from '../../delta/snapshot.js';
import { LAKEHOUSES } from '../../lakehouse/lake-layout.js';
import { type LakeTable, qualifiedName } from '../../lakehouse/lake-table.js';
import { quoteIdentifier } from '../quote-identifier.js';
import type { DuckDbEngine } from './duckdb-engine.js';
import { registerSnapshotView } from './register-snapshot-view.js';

/** Which version of each table to expose: latest, a version number, or as of a time. */
export type AsOf = { version: number } | { timestamp: Date } | undefined;

/**
 * Makes the lake queryable: each lakehouse becomes a DuckDB catalog with its schemas, each table
 * a view over its snapshot, and each bare table name that is unique across the lake a view in
 * the default schema (so `FROM clinician_emr_sessions` works). With `only`, just those tables
 * are registered (a query names few of a lake's tables).
 *
 * @example
 * await registerLakeViews(engine, tables, { asOf: { version: 3 } });
 */
export async function registerLakeViews(
  engine: DuckDbEngine,
  tables: readonly LakeTable[],
  options: { asOf?: AsOf; only?: readonly LakeTable[] } = {},
): Promise<void> {
  const db = engine.db;
  const lakehouses = new Set<string>([...LAKEHOUSES, ...tables.map((t) => t.lakehouse)]);
  const schemas = new Set<string>();
  for (const lh of lakehouses) {
    await db.run(`ATTACH IF NOT EXISTS ':memory:' AS ${quoteIdentifier(lh)}`);
    schemas.add(`${lh}\0dbo`);
  }
  for (const t of tables) schemas.add(`${t.lakehouse}\0${t.schema}`);
  for (const key of schemas) {
    const [lh, schema] = key.split('\0') as [string, string];
    await db.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(lh)}.${quoteIdentifier(schema)}`);
  }
  const counts = new Map<string, number>();
  for (const t of tables) counts.set(t.name.toLowerCase(), (counts.get(t.name.toLowerCase()) ?? 0) + 1);
  for (const t of options.only ?? tables) {
    const table = engine.table(t.path, qualifiedName(t));
    const asOf = options.asOf;
    let snapshot: Snapshot;
    try {
      snapshot = await table.readSnapshot(
        asOf === undefined
          ? {}
          : 'version' in asOf
            ? { version: asOf.version }
            : { timestamp: asOf.timestamp },
      );
    } catch (error) {
      // A table created after the requested time simply does not exist then.
      if (asOf !== undefined && error instanceof DeltaTableError && error.problem === 'missing-version')
        continue;
      throw error;
    }
    await registerSnapshotView(db, { catalog: t.lakehouse, schema: t.schema, name: t.name }, snapshot);
    if (counts.get(t.name.toLowerCase()) === 1) {
      const source = [t.lakehouse, t.schema, t.name].map(quoteIdentifier).join('.');
      await db.run(
        `CREATE OR REPLACE VIEW memory.main.${quoteIdentifier(t.name)} AS SELECT * FROM ${source}`,
      );
    }
  }
}
