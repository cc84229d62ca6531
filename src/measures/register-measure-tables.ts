import { DeltaTableError } from '../delta/delta-table-error.js';
import type { Snapshot } from '../delta/snapshot.js';
import type { DuckDbEngine } from '../engine/duckdb/duckdb-engine.js';
import { type AsOf, registerLakeViews } from '../engine/duckdb/register-lake-views.js';
import { registerSnapshotView } from '../engine/duckdb/register-snapshot-view.js';
import { qualifiedName } from '../lakehouse/lake-table.js';
import type { Lake } from '../lakehouse/read-lake.js';
import { readLakeTables } from '../lakehouse/read-lake-tables.js';
import { MeasureError } from './measure-error.js';

/** A table a measure query read, and the Delta version it read. */
export interface TableVersion {
  table: string;
  version: number;
}

/**
 * Registers just the named tables (`lakehouse.schema.table`) as views at their latest version
 * or `asOf`, and returns the version of each. A table missing from the lake (or absent at
 * `asOf`) is a MeasureError that says which run creates it. With `skipMissing`, such tables are
 * left out instead.
 *
 * @example
 * const versions = await registerMeasureTables(engine, lake, ['lh_gold.dbo.gold_healthcare_daily_census']);
 */
export async function registerMeasureTables(
  engine: DuckDbEngine,
  lake: Lake,
  names: readonly string[],
  options: { asOf?: AsOf; skipMissing?: boolean } = {},
): Promise<TableVersion[]> {
  const tables = await readLakeTables(lake.dir);
  // Catalogs and schemas only: the views come next, for the named tables alone.
  await registerLakeViews(engine, tables, { only: [] });
  const versions: TableVersion[] = [];
  for (const name of names) {
    const table = tables.find((t) => qualifiedName(t).toLowerCase() === name.toLowerCase());
    const snapshot = table && (await readSnapshotOrUndefined(engine, table.path, name, options.asOf));
    if (table === undefined || snapshot === undefined) {
      if (options.skipMissing) continue;
      const when = table === undefined ? 'is not in the lake' : 'did not exist at the requested --as-of';
      throw new MeasureError(
        'missing-table',
        name,
        [],
        `${name} ${when}; create it with 'carelake run all --lake ${lake.dir}'`,
      );
    }
    await registerSnapshotView(
      engine.db,
      { catalog: table.lakehouse, schema: table.schema, name: table.name },
      snapshot,
    );
    versions.push({ table: qualifiedName(table), version: snapshot.version });
  }
  return versions;
}

async function readSnapshotOrUndefined(
  engine: DuckDbEngine,
  path: string,
  name: string,
  asOf: AsOf,
): Promise<Snapshot | undefined> {
  try {
    return await engine.table(path, name).readSnapshot(asOf === undefined ? {} : asOf);
  } catch (error) {
    if (asOf !== undefined && error instanceof DeltaTableError && error.problem === 'missing-version')
      return undefined;
    throw error;
  }
}
