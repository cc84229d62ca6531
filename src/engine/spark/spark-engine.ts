import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeltaTable } from '../../delta/delta-table.js';
import type { Snapshot } from '../../delta/snapshot.js';
import type { WriteResult } from '../../delta/write-table.js';
import { lakehouseDir } from '../../lakehouse/lake-layout.js';
import { readMacros } from '../../pipeline/read-model.js';
import type { DuckDbDatabase } from '../duckdb/duckdb-database.js';
import { DuckDbEngine } from '../duckdb/duckdb-engine.js';
import type { Engine, QueryWrite } from '../engine.js';
import { quoteIdentifier } from '../quote-identifier.js';
import { sparkSessionSettings } from './dialect/spark-session-settings.js';
import { mapLakeUri } from './map-lake-uri.js';
import { planSparkWrite } from './plan-spark-write.js';
import { quoteSparkIdentifier } from './quote-spark-identifier.js';
import { SparkConnectClient } from './spark-connect-client.js';
import { SparkSql } from './spark-sql.js';
import { sparkViewName } from './spark-view-name.js';
import type { SparkSqlParams } from './to-spark-literal.js';
import { csvViewName } from './to-spark-statements.js';

/** How to reach Spark and where it finds the lake. */
export interface SparkEngineOptions {
  /** `sc://host:port[/;token=…]`. */
  remote: string;
  /** Bearer token, when not in the remote string. */
  token?: string;
  /** The lake folder carelake sees. */
  lakeDir: string;
  /** The same folder as the cluster sees it (`abfss://…`, `s3://…`); absent: the same path. */
  lakeUri?: string;
}

/**
 * The Spark engine: models run as Spark SQL through Spark Connect, and tables are written by
 * Spark's own Delta writer at the lake's paths. carelake keeps reading every table's log itself
 * (incremental state, versions, row counts), with a small embedded DuckDB for checkpoints and
 * for reading landing files, which it hands to Spark as Parquet under
 * `lh_bronze.Lakehouse/Files/_carelake_staging/` (removed on close, and at the next run's start
 * after a killed run).
 *
 * Guarantees (test/engine/engine-contract.test.ts, test/engine/spark/run-on-spark.test.ts):
 * - Spark reads every input at the snapshot version carelake exposed (VERSION AS OF), so a run
 *   reads one consistent state whatever lands meanwhile.
 * - A write with a `txn` that the table already recorded is skipped, never repeated; one with
 *   extra watermarks records each in a following empty commit (Spark records one transaction
 *   per commit; re-running a write whose watermarks were lost is harmless, as every pipeline
 *   write is idempotent).
 * - The session time zone is UTC and timestamps are written as INT64 microseconds, so what
 *   Spark writes reads the same in carelake, delta-rs and Spark.
 *
 * @example
 * const engine = await SparkEngine.open({ remote: 'sc://localhost:15002', lakeDir: lake.dir });
 */
export class SparkEngine implements Engine {
  readonly name = 'spark' as const;
  readonly rewritesFiles = false;
  readonly db: SparkSql;
  private staging: string | undefined;

  private constructor(
    private readonly spark: SparkConnectClient,
    private readonly plumbing: DuckDbEngine,
    private readonly options: SparkEngineOptions,
  ) {
    this.db = new SparkSql(spark, {
      materialize: (name, query, params) => this.materialize(name, query, params),
      drop: (name) => this.spark.command(`DROP VIEW IF EXISTS ${quoteSparkIdentifier(name)}`).then(() => {}),
    });
  }

  static async open(options: SparkEngineOptions): Promise<SparkEngine> {
    const spark = SparkConnectClient.connect(withToken(options.remote, options.token));
    const plumbing = await DuckDbEngine.open({ threads: 1 });
    try {
      await spark.setConfig(sparkSessionSettings());
    } catch (error) {
      plumbing.close();
      await spark.close();
      throw error;
    }
    return new SparkEngine(spark, plumbing, options);
  }

  get local(): DuckDbDatabase {
    return this.plumbing.db;
  }

  table(path: string, name?: string): DeltaTable {
    return this.plumbing.table(path, name);
  }

  async exposeSnapshot(
    target: { lakehouse: string; name: string; alias?: string },
    snapshot: Snapshot,
  ): Promise<void> {
    const view = quoteSparkIdentifier(target.alias ?? sparkViewName(target.lakehouse, 'dbo', target.name));
    const source = `${this.deltaName(snapshot.tablePath)} VERSION AS OF ${snapshot.version}`;
    if (!snapshot.isSubset) {
      await this.spark.command(`CREATE OR REPLACE TEMPORARY VIEW ${view} AS SELECT * FROM ${source}`);
      return;
    }
    // Some of the version's files only (an incremental step's new files): Spark reads a version
    // whole, so the rows of those files are kept apart, chosen by data file name (unique in a
    // Delta table).
    const files = snapshot.files.map((f) => decodeURIComponent(f.path).split('/').at(-1)!);
    if (files.length === 0) {
      await this.spark.command(
        `CREATE OR REPLACE TEMPORARY VIEW ${view} AS SELECT * FROM ${source} WHERE false`,
      );
      return;
    }
    await this.materialize(
      target.alias ?? sparkViewName(target.lakehouse, 'dbo', target.name),
      `SELECT * FROM ${source} WHERE array_contains(:files, _metadata.file_name)`,
      { files },
    );
  }

  async prepare(): Promise<void> {
    for (const sql of readMacros('spark')) await this.spark.command(sql);
  }

  async shareLocal(names: readonly string[]): Promise<void> {
    const staging = await this.stagingDir();
    for (const name of names) {
      const file = join(staging, `${name}-${randomUUID()}.parquet`);
      // Instants travel as DuckDB's text ('2025-03-31 07:33:47+00'): the Spark macros take text,
      // and Spark would print a timestamp without its offset (in a refused row's _raw).
      const columns = await this.plumbing.db.readRows(
        `SELECT column_name AS c, column_type AS t FROM (DESCRIBE SELECT * FROM ${quoteIdentifier(name)})`,
      );
      const select = columns.map((r) =>
        String(r.t).startsWith('TIMESTAMP')
          ? `CAST(${quoteIdentifier(String(r.c))} AS VARCHAR) AS ${quoteIdentifier(String(r.c))}`
          : quoteIdentifier(String(r.c)),
      );
      await this.plumbing.db.run(
        `COPY (SELECT ${select.join(', ')} FROM ${quoteIdentifier(name)}) TO $file (FORMAT parquet)`,
        { file },
      );
      await this.spark.command(
        `CREATE OR REPLACE TEMPORARY VIEW ${quoteSparkIdentifier(name)} AS SELECT * FROM parquet.${quoteSparkIdentifier(this.uri(file))}`,
      );
    }
  }

  async countUniqueBreaches(from: string, column: string): Promise<number> {
    // Spark spills a large distinct count by itself: no slicing needed.
    const [row] = await this.db.readRows(`SELECT count(*) - count(DISTINCT ${column}) AS n FROM ${from}`);
    return Number(row!.n);
  }

  async writeQuery(table: DeltaTable, write: QueryWrite): Promise<WriteResult> {
    if (write.parts !== undefined || write.replaceFiles !== undefined)
      throw new Error('the Spark engine does not rewrite single files (rewritesFiles is false)');
    const existing = (await table.exists()) ? await table.readSnapshot() : undefined;
    if (write.txn !== undefined && (existing?.appVersion(write.txn.appId) ?? -1) >= write.txn.version)
      return {
        status: 'skipped',
        version: existing!.version,
        filesAdded: 0,
        filesRemoved: 0,
        rowsWritten: 0,
      };
    const csvFiles: string[] = [];
    const query = this.db.translate(write.sql, csvFiles);
    for (const parameter of csvFiles) await this.shareCsv(parameter, String(write.params?.[parameter]));
    const target = this.deltaName(table.path);
    const fields = existing?.schema.fields;
    const integers = new Set(
      (fields ?? [])
        .filter((f) => ['byte', 'short', 'integer', 'long'].includes(String(f.type)))
        .map((f) => f.name),
    );
    const plan = planSparkWrite(
      write,
      target,
      query,
      fields?.map((f) => f.name),
      integers,
    );
    if (plan === undefined)
      return {
        status: 'skipped',
        version: existing!.version,
        filesAdded: 0,
        filesRemoved: 0,
        rowsWritten: 0,
      };
    await this.withTxn(write.txn, () =>
      this.spark.command(plan.sql, { ...(write.params ?? {}), ...plan.params }),
    );
    const [written] = await table.readHistory(1);
    let version = written!.version;
    for (const watermark of write.watermarks ?? []) {
      await this.withTxn(watermark, () =>
        this.spark.command(`INSERT INTO ${target} SELECT * FROM ${target} WHERE false`),
      );
      version = (await table.readHistory(1))[0]!.version;
    }
    return {
      status: 'committed',
      version,
      filesAdded: Number(written!.operationMetrics.numFiles ?? 0),
      filesRemoved: Number(written!.operationMetrics.numRemovedFiles ?? 0),
      rowsWritten: Number(written!.operationMetrics.numOutputRows ?? 0),
    };
  }

  /** Reads a CSV file on this machine (every value as text) and hands its rows to Spark. */
  private async shareCsv(parameter: string, path: string): Promise<void> {
    const view = csvViewName(parameter);
    await this.plumbing.db.run(
      `CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(view)} AS SELECT * FROM read_csv($path, header = true, all_varchar = true)`,
      { path },
    );
    await this.shareLocal([view]);
  }

  /**
   * Keeps the rows of a query as the temporary view `name`: written once as a Delta table in the
   * run's staging folder (a view may hold no parameters, and a plain one would re-run its query,
   * a ranking over ties included, at each use).
   */
  private async materialize(name: string, query: string, params: SparkSqlParams | undefined): Promise<void> {
    const view = quoteSparkIdentifier(name);
    if (/\blimit\s+0\s*$/i.test(query)) {
      // No rows wanted (the pipeline knows none are refused): only the columns, typed.
      const columns = await this.spark.command(`DESCRIBE QUERY ${query}`, params);
      const select = columns.map(
        (c) => `CAST(NULL AS ${String(c.data_type)}) AS ${quoteSparkIdentifier(String(c.col_name))}`,
      );
      await this.spark.command(
        `CREATE OR REPLACE TEMPORARY VIEW ${view} AS SELECT ${select.join(', ')} WHERE false`,
      );
      return;
    }
    const dir = join(await this.stagingDir(), `${name}-${randomUUID()}`);
    await this.spark.command(`CREATE TABLE ${this.deltaName(dir)} USING DELTA AS ${query}`, params);
    await this.spark.command(
      `CREATE OR REPLACE TEMPORARY VIEW ${view} AS SELECT * FROM ${this.deltaName(dir)}`,
    );
  }

  private async stagingDir(): Promise<string> {
    if (this.staging === undefined) {
      // Staged rows may be raw landing rows: what a killed run left is removed now (runs hold
      // the lake's lock, so no other run uses it).
      const root = join(lakehouseDir(this.options.lakeDir, 'lh_bronze'), 'Files', '_carelake_staging');
      await rm(root, { recursive: true, force: true });
      this.staging = join(root, randomUUID());
      await mkdir(this.staging, { recursive: true });
    }
    return this.staging;
  }

  async close(): Promise<void> {
    this.plumbing.close();
    await this.spark.close();
    if (this.staging !== undefined) await rm(this.staging, { recursive: true, force: true });
  }

  /** Runs a write with Delta's idempotent-transaction settings, and clears them after. */
  private async withTxn<T>(
    txn: { appId: string; version: number } | undefined,
    write: () => Promise<T>,
  ): Promise<T> {
    if (txn === undefined) return write();
    const keys = ['spark.databricks.delta.write.txnAppId', 'spark.databricks.delta.write.txnVersion'];
    await this.spark.setConfig({ [keys[0]!]: txn.appId, [keys[1]!]: String(txn.version) });
    try {
      return await write();
    } finally {
      await this.spark.unsetConfig(keys);
    }
  }

  private uri(path: string): string {
    return mapLakeUri(path, this.options.lakeDir, this.options.lakeUri);
  }

  private deltaName(path: string): string {
    return `delta.${quoteSparkIdentifier(this.uri(path))}`;
  }
}

/** The remote with a bearer token given apart from it (a token in the remote string wins). */
function withToken(remote: string, token: string | undefined): string {
  if (token === undefined || /;\s*token=/i.test(remote)) return remote;
  const base = /^sc:\/\/[^/]*$/.test(remote) ? `${remote}/` : remote;
  return `${base};token=${encodeURIComponent(token)}`;
}
