import { type LakeTable, qualifiedName } from '../../lakehouse/lake-table.js';
import { assertReadOnlyQuery } from './assert-read-only-query.js';
import type { DuckDbEngine } from './duckdb-engine.js';
import { lockDownUserSql } from './lock-down-user-sql.js';
import { namedLakeTables } from './named-lake-tables.js';
import { type AsOf, registerLakeViews } from './register-lake-views.js';

/**
 * Readies a fresh engine to run one query someone typed (the SQL console, `carelake sql`, an
 * alert rule's query) and nothing else: the query must only read (else a UsageError naming why),
 * the tables it names among `tables` (the ones its reader may read) are registered at `asOf`
 * (all of them when DuckDB cannot tell which it names), and from then on the engine reads files
 * only inside those tables' folders. Returns the tables registered and, with `versions`, the
 * version of each (read before the lock-down, which also bars carelake's own reads).
 *
 * The three callers share this one path, so the console, the CLI and alert rules cannot drift
 * apart on what a query may touch (test/server/sql-sandbox.test.ts, test/alerts/alerts.test.ts).
 *
 * @example
 * const { tables: read } = await prepareSandboxedQuery(engine, 'SELECT count(*) FROM lh_gold.dbo.t', tables);
 */
export async function prepareSandboxedQuery(
  engine: DuckDbEngine,
  sql: string,
  tables: readonly LakeTable[],
  options: { asOf?: AsOf; versions?: boolean } = {},
): Promise<{ tables: readonly LakeTable[]; versions: { table: string; version: number }[] }> {
  await assertReadOnlyQuery(engine.db, sql);
  const named = namedLakeTables(engine, tables, sql);
  const only = named === undefined || named.length === 0 ? tables : named;
  await registerLakeViews(engine, tables, { ...(options.asOf ? { asOf: options.asOf } : {}), only });
  const versions: { table: string; version: number }[] = [];
  for (const t of options.versions ? only : []) {
    const table = engine.table(t.path, qualifiedName(t));
    if (await table.exists())
      versions.push({ table: qualifiedName(t), version: (await table.readSnapshot()).version });
  }
  await lockDownUserSql(
    engine.db,
    (named ?? tables).map((t) => t.path),
  );
  return { tables: only, versions };
}
