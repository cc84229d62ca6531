import type { DuckDbDatabase } from './duckdb-database.js';

/**
 * Locks a DuckDB database down before user SQL runs on it. After this, nothing can change it
 * back (`lock_configuration`), and a query can read files only inside `allowedDirectories` (the
 * folders of the tables the caller may read): read_csv, read_text, read_blob, read_json, glob,
 * sniff_csv, parquet_metadata, … on any other path fail with DuckDB's "Permission Error";
 * ATTACH, COPY … TO, INSTALL and LOAD of extensions, secrets on disk are refused the same way.
 * Views registered before (the lake's tables) keep working: their files are inside.
 *
 * @example
 * await lockDownUserSql(engine.db, ['/lake/lh_gold.Lakehouse/Tables/dbo/gold_healthcare_kpis/']);
 */
export async function lockDownUserSql(
  db: DuckDbDatabase,
  allowedDirectories: readonly string[],
): Promise<void> {
  const dirs = allowedDirectories.map((d) => (d.endsWith('/') ? d : `${d}/`));
  await db.run(`SET allowed_directories = [${dirs.map((_, i) => `$${i + 1}`).join(', ')}]`, dirs);
  await db.run('SET enable_external_access = false');
  await db.run('SET autoinstall_known_extensions = false');
  await db.run('SET autoload_known_extensions = false');
  await db.run('SET lock_configuration = true');
}
