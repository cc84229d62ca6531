/**
 * The Spark session settings the models assume, for the Spark engine and the notebook export
 * alike (one list, docs/spark-dialect.md §3–4):
 * - the session time zone is UTC: local_date and parse_timestamp convert between UTC and the
 *   lake's zone explicitly, and a naive timestamp is read as UTC wall-clock time;
 * - ANSI mode stays on (Spark 4's default), so an overflow or a division by zero fails loudly;
 * - Parquet timestamps are INT64 microseconds (Delta readers other than Spark expect them, not INT96);
 * - to_json keeps null fields, as DuckDB's does (the models' `_raw`).
 *
 * @example
 * await spark.setConfig(sparkSessionSettings());
 */
export function sparkSessionSettings(): Record<string, string> {
  return {
    'spark.sql.session.timeZone': 'UTC',
    'spark.sql.ansi.enabled': 'true',
    'spark.sql.parquet.outputTimestampType': 'TIMESTAMP_MICROS',
    'spark.sql.jsonGenerator.ignoreNullFields': 'false',
  };
}
