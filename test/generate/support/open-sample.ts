import { join } from 'node:path';
import { after } from 'node:test';
import { DuckDbDatabase } from '../../../src/engine/duckdb/duckdb-database.js';
import { LANDING_DATASETS } from '../../../src/generate/datasets/landing-schemas.js';

/** The short view names tests query: a(dmissions), c(laims), s(taffing), e(vents), cl(inicians). */
const VIEWS = { a: 'admissions', c: 'claims', s: 'staffing', e: 'emr_events' } as const;

/**
 * A DuckDB database (closed after the test file) with the sample's files loaded as tables a, c,
 * s, e, cl and roles; CSV files are read with the landing types. Paths are bound, not spliced.
 *
 * @example
 * const db = await openSample(dir, 'parquet');
 * await db.readRows('SELECT count(*) AS n FROM a');
 */
export async function openSample(dir: string, format: 'parquet' | 'csv'): Promise<DuckDbDatabase> {
  const db = await DuckDbDatabase.open({ threads: 2 });
  after(() => db.close());
  for (const [view, name] of Object.entries(VIEWS)) {
    const path = join(dir, `${name}.${format}`);
    if (format === 'parquet') {
      await db.run(`CREATE TABLE ${view} AS SELECT * FROM read_parquet($1)`, [path]);
    } else {
      const columns = LANDING_DATASETS[name].columns.map((c) => `'${c.name}': '${c.type}'`).join(', ');
      await db.run(
        `CREATE TABLE ${view} AS SELECT * FROM read_csv($1, header = true, quote = '', escape = '', auto_detect = false, columns = {${columns}})`,
        [path],
      );
    }
  }
  await db.run(
    `CREATE TABLE cl AS SELECT * FROM read_csv($1, header = true, columns = {'clinician_id': 'INTEGER',
      'clinician_name': 'VARCHAR', 'clinician_role': 'VARCHAR', 'session_inactivity_minutes': 'INTEGER'})`,
    [join(dir, 'clinicians.csv')],
  );
  await db.run(
    `CREATE TABLE roles AS SELECT * FROM read_csv($1, header = true,
      columns = {'clinician_role': 'VARCHAR', 'default_inactivity_minutes': 'INTEGER'})`,
    [join(dir, 'roles.csv')],
  );
  return db;
}

/**
 * The first column of the first row of a query, as a number.
 *
 * @example
 * await scalar(db, 'SELECT count(*) FROM a'); // 3000
 */
export async function scalar(db: DuckDbDatabase, sql: string): Promise<number> {
  const [row] = await db.readRows(sql);
  return Number(Object.values(row ?? {})[0]);
}
