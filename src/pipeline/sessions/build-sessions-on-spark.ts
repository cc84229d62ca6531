import { join } from 'node:path';
import { FsLogStore } from '../../delta/fs-log-store.js';
import { readLogListing } from '../../delta/read-log-listing.js';
import { sparkSessionSettings } from '../../engine/spark/dialect/spark-session-settings.js';
import { toSparkSql } from '../../engine/spark/dialect/to-spark-sql.js';
import { quoteSparkIdentifier } from '../../engine/spark/quote-spark-identifier.js';
import type { SparkConnectClient } from '../../engine/spark/spark-connect-client.js';
import { UsageError } from '../../errors/usage-error.js';
import { tableDir } from '../../lakehouse/lake-layout.js';
import type { Lake } from '../../lakehouse/read-lake.js';
import { readMacros, readModelSql } from '../read-model.js';
import { CLINICIAN_BUCKETS } from './clinician-buckets.js';

/** What a Spark build of the sessions read and wrote. */
export interface SparkSessionsBuild {
  /** The silver versions read: emr_events, clinician_dim. */
  inputs: { emr_events: number; clinician_dim: number };
  rows: number;
}

/**
 * Builds gold clinician_emr_sessions in full on Spark (through Spark Connect), with Spark's own
 * Delta writer, at the lake's path: the first slice of the Spark engine (issue 16).
 *
 * Guarantees (test/engine/spark/sessions-contract.test.ts):
 * - Spark reads silver emr_events and clinician_dim at the versions carelake's own log listing
 *   finds (VERSION AS OF), so both engines see the same input.
 * - The table it writes equals the DuckDB engine's, row for row and type for type (the model is
 *   models/gold/clinician_emr_sessions.spark.sql, side by side with the DuckDB one), partitioned
 *   the same way, readable by carelake, delta-rs and Spark.
 * - Timestamps are written as INT64 microseconds (not Spark's INT96), and the session time zone
 *   is UTC (sparkSessionSettings), so session_date follows the lake's source time zone, not the server's.
 * - A lake with maxSessionMinutes gets its long sessions cut as on DuckDB: the shared model
 *   (clinician_emr_sessions.sql through toSparkSql) over the Spark table functions session_numbered
 *   and session_events (_session_events_capped.spark.sql, which folds each too-long session
 *   instead of the recursive CTE Spark 4.0 cannot run).
 *
 * @example
 * const spark = SparkConnectClient.connect(remote);
 * await buildSessionsOnSpark(spark, await readLake(dir));
 */
export async function buildSessionsOnSpark(
  spark: SparkConnectClient,
  lake: Lake,
): Promise<SparkSessionsBuild> {
  const maxMinutes = lake.config.maxSessionMinutes ?? null;
  await spark.setConfig(sparkSessionSettings());
  const inputs = { emr_events: -1, clinician_dim: -1 };
  for (const name of ['emr_events', 'clinician_dim'] as const) {
    const dir = tableDir(lake.dir, 'lh_silver', name);
    const version = (await readLogListing(new FsLogStore(join(dir, '_delta_log')))).latestVersion;
    if (version < 0)
      throw new UsageError(`lh_silver.dbo.${name} does not exist yet; run 'carelake run sessions' first`);
    inputs[name] = version;
    await spark.command(
      `CREATE OR REPLACE TEMPORARY VIEW ${quoteSparkIdentifier(name)} AS SELECT * FROM delta.${quoteSparkIdentifier(dir)} VERSION AS OF ${version}`,
    );
  }
  const target = `delta.${quoteSparkIdentifier(tableDir(lake.dir, 'lh_gold', 'clinician_emr_sessions'))}`;
  const params = {
    buckets: Array.from({ length: CLINICIAN_BUCKETS }, (_, i) => i),
    source_time_zone: lake.config.sourceTimeZone,
    ...(maxMinutes === null ? {} : { max_session_us: maxMinutes * 60_000_000 }),
  };
  await spark.command(
    `CREATE OR REPLACE TABLE ${target} USING DELTA PARTITIONED BY (clinician_bucket) AS ${await sessionsQuery(spark, maxMinutes)}`,
    params,
  );
  const [count] = await spark.sql(`SELECT count(*) AS n FROM ${target}`);
  return { inputs, rows: Number(count!.n) };
}

/**
 * The Spark SQL of the sessions: the Spark version of the model, or with maxSessionMinutes the
 * shared model over the capped session_events (defined here, with the macros it uses).
 */
async function sessionsQuery(spark: SparkConnectClient, maxMinutes: number | null): Promise<string> {
  if (maxMinutes === null) return readModelSql('gold', 'clinician_emr_sessions', 'spark');
  // The silver tables are the temporary views registered above, named as the tables.
  const views = { table: (_lakehouse: string, _schema: string, name: string) => quoteSparkIdentifier(name) };
  for (const sql of readMacros('spark')) await spark.command(sql);
  await spark.command(toSparkSql(readModelSql('gold', '_session_numbered'), views));
  await spark.command(readModelSql('gold', '_session_events_capped', 'spark'));
  return toSparkSql(readModelSql('gold', 'clinician_emr_sessions'), views);
}
