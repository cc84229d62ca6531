import type { DuckDbDatabase } from './duckdb-database.js';

/** Rows a slice of the unique check groups at most: their hash table stays well inside 3 GB. */
const ROWS_PER_SLICE = 16_000_000;

/**
 * Breaches of a unique rule on `col` (quoted) of `from` (a quoted table or view) on DuckDB: each NULL and each extra copy of a value (the same count as
 * count(*) - count(DISTINCT col)). The table is read once into the values' 64-bit hashes, a
 * fixed-width key; the hashes are grouped in slices of the hash space, one after the other,
 * because one grouping of 100M ids needed a 1 GiB block the 3 GB engine limit could not give
 * (an ungrouped DISTINCT ran out of memory as well). Only values whose hash repeats are then
 * compared exactly, which reads the table a second time only when there are any. The slice
 * parameters are cast to UBIGINT: bound as JS numbers, they made DuckDB widen every hash to
 * HUGEINT for the modulo, which was 17× slower (261 s against 15 s for one slice of 100M).
 *
 * @example
 * await countUniqueBreaches(db, '"lh_gold".dbo."t"', '"id"');
 */
export async function countUniqueBreaches(
  db: DuckDbDatabase,
  from: string,
  col: string,
  rowsPerSlice = ROWS_PER_SLICE,
): Promise<number> {
  await db.run(
    `CREATE OR REPLACE TEMP TABLE unique_check_hashes AS SELECT hash(${col}) AS h FROM ${from} WHERE ${col} IS NOT NULL`,
  );
  await db.run('CREATE OR REPLACE TEMP TABLE unique_check_repeated (h UBIGINT)');
  const [counts] = await db.readRows(
    `SELECT count(*) AS total, (SELECT count(*) FROM ${from} WHERE ${col} IS NULL) AS nulls FROM unique_check_hashes`,
  );
  const slices = Math.max(1, Math.ceil(Number(counts!.total) / rowsPerSlice));
  for (let slice = 0; slice < slices; slice++) {
    await db.run(
      `INSERT INTO unique_check_repeated
       SELECT h FROM unique_check_hashes WHERE h % $slices::UBIGINT = $slice::UBIGINT GROUP BY h HAVING count(*) > 1`,
      { slices, slice },
    );
  }
  const [repeated] = await db.readRows('SELECT count(*) AS n FROM unique_check_repeated');
  let copies = 0;
  if (Number(repeated!.n) > 0) {
    const [row] = await db.readRows(
      `SELECT coalesce(sum(copies - 1), 0) AS n FROM (
         SELECT count(*) AS copies FROM ${from}
         WHERE ${col} IS NOT NULL AND hash(${col}) IN (SELECT h FROM unique_check_repeated) GROUP BY ${col}
       )`,
    );
    copies = Number(row!.n);
  }
  await db.run('DROP TABLE unique_check_hashes');
  await db.run('DROP TABLE unique_check_repeated');
  return Number(counts!.nulls) + copies;
}
