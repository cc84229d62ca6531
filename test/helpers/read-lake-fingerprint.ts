import { DuckDbEngine } from '../../src/engine/duckdb/duckdb-engine.js';
import { registerLakeViews } from '../../src/engine/duckdb/register-lake-views.js';
import { quoteIdentifier } from '../../src/engine/quote-identifier.js';
import { readLakeTables } from '../../src/lakehouse/read-lake-tables.js';

/** Columns that name a run (its id, its clock), not the data: two clean runs differ in them. */
const RUN_COLUMNS =
  /^(_bronze_ingested_at|_bronze_batch_id|_bronze_load_date|_ingested_at|_batch_id|run_id|evaluated_at)$/;

const RAW_RUN_KEYS = JSON.stringify({
  _bronze_ingested_at: null,
  _bronze_batch_id: null,
  _bronze_load_date: null,
});

/**
 * Every silver and gold table's row count and an MD5 of its rows in a fixed order, leaving out
 * the columns that name the run. Two lakes built from the same landing files by clean runs
 * have equal fingerprints; duplicated or missing rows change them.
 *
 * @example
 * assert.deepEqual(await readLakeFingerprint(a), await readLakeFingerprint(b));
 */
export async function readLakeFingerprint(lake: string): Promise<Record<string, string>> {
  const engine = await DuckDbEngine.open({ threads: 2 });
  try {
    const tables = (await readLakeTables(lake)).filter(
      (t) => t.lakehouse !== 'lh_bronze' && t.name !== 'dq_expectation_results',
    );
    await registerLakeViews(engine, tables);
    const out: Record<string, string> = {};
    for (const t of tables) {
      const from = [t.lakehouse, t.schema, t.name].map(quoteIdentifier).join('.');
      const columns = (await engine.db.readRows(`SELECT column_name FROM (DESCRIBE ${from})`))
        .map((r) => String(r.column_name))
        .filter((c) => !RUN_COLUMNS.test(c))
        // A refused row's JSON carries its bronze run columns too.
        .map((c) => (c === '_raw' ? `json_merge_patch(_raw, '${RAW_RUN_KEYS}')` : quoteIdentifier(c)));
      const [row] = await engine.db.readRows(
        `SELECT count(*) AS n, md5(coalesce(string_agg(r, '\n' ORDER BY r), '')) AS h
         FROM (SELECT (${columns.join(', ')})::VARCHAR AS r FROM ${from})`,
      );
      out[`${t.lakehouse}.${t.name}`] = `${row!.n} rows ${row!.h}`;
    }
    return out;
  } finally {
    engine.close();
  }
}

/**
 * readLakeFingerprint without lh_audit: the audit log records the test's own queries (`carelake
 * sql`), so two lakes with the same data differ there.
 *
 * @example
 * assert.deepEqual(await readDataFingerprint(a), await readDataFingerprint(b));
 */
export async function readDataFingerprint(lake: string): Promise<Record<string, string>> {
  return Object.fromEntries(
    Object.entries(await readLakeFingerprint(lake)).filter(([t]) => !t.startsWith('lh_audit.')),
  );
}
