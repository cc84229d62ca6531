import { dirname, join } from 'node:path';
import { DuckDbDatabase } from '../../engine/duckdb/duckdb-database.js';
import type { LandingDataset } from '../datasets/landing-schemas.js';

/**
 * Converts a generated CSV into a typed Parquet file with DuckDB: explicit column types (no
 * sniffing), timestamps as TIMESTAMPTZ (Parquet INT64 micros, isAdjustedToUTC), snappy. Runs on
 * ONE DuckDB thread: a parallel COPY splits row groups differently from run to run, and the
 * output must be byte-identical for the same seed. Datasets convert in parallel instead.
 *
 * @example
 * await convertToParquet('/tmp/claims.csv', '/lake/…/claims.parquet', LANDING_DATASETS.claims);
 */
export async function convertToParquet(
  csvPath: string,
  parquetPath: string,
  dataset: LandingDataset,
): Promise<void> {
  // Column names and types are this module's constants, never user input.
  const columns = dataset.columns.map((c) => `'${c.name}': '${c.type}'`).join(', ');
  // A single-threaded COPY streams; the cap keeps DuckDB from caching a whole large CSV in RAM.
  const db = await DuckDbDatabase.open({
    threads: 1,
    memoryLimit: '512MB',
    tempDirectory: join(dirname(parquetPath), `.duckdb-${dataset.name}`),
  });
  try {
    await db.run(
      `COPY (SELECT * FROM read_csv($1, header = true, delim = ',', quote = '', escape = '', auto_detect = false, columns = {${columns}})) TO $2 (FORMAT parquet, COMPRESSION snappy)`,
      [csvPath, parquetPath],
    );
  } finally {
    db.close();
  }
}
