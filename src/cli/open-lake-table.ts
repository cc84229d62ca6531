import type { DeltaTable } from '../delta/delta-table.js';
import type { DuckDbEngine } from '../engine/duckdb/duckdb-engine.js';
import { qualifiedName } from '../lakehouse/lake-table.js';
import { readLake, resolveLakeDir } from '../lakehouse/read-lake.js';
import { readLakeTables } from '../lakehouse/read-lake-tables.js';
import { resolveTableName } from '../lakehouse/resolve-table-name.js';
import type { CommandIO } from './command.js';

/**
 * Resolves a table name given on the command line (`lh_gold.dbo.t` or a unique bare name) in
 * the lake chosen by `--lake`/`$CARELAKE_LAKE`, and opens it on `engine`.
 *
 * @example
 * const table = await openLakeTable(engine, 'gold_healthcare_kpis', undefined, io);
 */
export async function openLakeTable(
  engine: DuckDbEngine,
  name: string,
  lakeOption: string | undefined,
  io: CommandIO,
): Promise<DeltaTable> {
  const lake = await readLake(resolveLakeDir(lakeOption, io.env, io.cwd));
  const found = resolveTableName(await readLakeTables(lake.dir), name);
  return engine.table(found.path, qualifiedName(found));
}
