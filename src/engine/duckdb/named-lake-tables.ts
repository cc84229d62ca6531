import type { LakeTable } from '../../lakehouse/lake-table.js';
import { resolveTableName } from '../../lakehouse/resolve-table-name.js';
import type { DuckDbEngine } from './duckdb-engine.js';

/**
 * The tables among `tables` that a query names (DuckDB's parser lists them), [] when it names
 * none, or undefined when DuckDB cannot tell. Names that are not among `tables` (CTEs, typos,
 * tables a role may not read) are left for DuckDB to report as unknown.
 *
 * @example
 * namedLakeTables(engine, tables, 'SELECT * FROM gold_healthcare_kpis'); // [the kpis table]
 */
export function namedLakeTables(
  engine: DuckDbEngine,
  tables: readonly LakeTable[],
  sql: string,
): LakeTable[] | undefined {
  let names: readonly string[];
  try {
    names = engine.db.connection.getTableNames(sql, true);
  } catch {
    return undefined;
  }
  const found = new Set<LakeTable>();
  for (const name of names) {
    try {
      found.add(resolveTableName(tables, name.replace(/"/g, '')));
    } catch {
      // Not one of these tables.
    }
  }
  return [...found];
}
