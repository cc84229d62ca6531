import {
  BIGINT,
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBResult,
  type DuckDBType,
  type DuckDBValue,
  type Json,
  LIST,
  listValue,
  VARCHAR,
} from '@duckdb/node-api';

/** Options for an embedded DuckDB database. */
export interface DuckDbOptions {
  /** Worker threads (default: DuckDB's choice, one per core). */
  threads?: number;
  /** Memory limit such as '4GB'; DuckDB spills to `tempDirectory` beyond it. */
  memoryLimit?: string;
  tempDirectory?: string;
}

/** A bound parameter: a plain value, or a list of strings (file lists for read_parquet). */
export type SqlParam = string | number | bigint | boolean | null | readonly string[] | readonly number[];

/** Parameters by position (`$1`, `$2`, …) or by name (`$name`). */
export type SqlParams = readonly SqlParam[] | Readonly<Record<string, SqlParam>>;

/**
 * One embedded DuckDB database with one connection, set to UTC so that TIMESTAMPTZ values are
 * instants and naive timestamps are read as UTC. Values are always bound, never concatenated.
 *
 * @example
 * const db = await DuckDbDatabase.open();
 * const rows = await db.readRows('SELECT ?::INTEGER + 1 AS n', [41]);
 */
export class DuckDbDatabase {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(options: DuckDbOptions = {}): Promise<DuckDbDatabase> {
    const config: Record<string, string> = {};
    if (options.threads !== undefined) config.threads = String(options.threads);
    if (options.memoryLimit !== undefined) config.memory_limit = options.memoryLimit;
    if (options.tempDirectory !== undefined) config.temp_directory = options.tempDirectory;
    // The external file cache keeps the bytes of every Parquet file read, removed ones included,
    // and evicts only near memory_limit: a watcher's RSS grew ~1.25 MB per batch without bound.
    // Lakes read by DuckDB are local, so the OS page cache already serves repeated reads.
    config.enable_external_file_cache = 'false';
    const instance = await DuckDBInstance.create(':memory:', config);
    const connection = await instance.connect();
    // ICU is loaded with the connection, so the zone can only be set now.
    await connection.run("SET TimeZone = 'UTC'");
    return new DuckDbDatabase(instance, connection);
  }

  /** Runs a statement for its effect. */
  async run(sql: string, params: SqlParams = []): Promise<void> {
    const [values, types] = bind(sql, params);
    await this.connection.run(sql, values, types);
  }

  /** Runs a query and returns every row as JSON-safe objects (for small results). */
  async readRows(sql: string, params: SqlParams = []): Promise<Record<string, Json>[]> {
    const [values, types] = bind(sql, params);
    const reader = await this.connection.runAndReadAll(sql, values, types);
    return reader.getRowObjectsJson();
  }

  /** The columns a query yields, without reading its rows. */
  async columnNames(sql: string, params: SqlParams = []): Promise<string[]> {
    return (await this.stream(`SELECT * FROM (${sql}) AS q LIMIT 0`, params)).columnNames();
  }

  /** Starts a streaming query; rows arrive chunk by chunk. */
  stream(sql: string, params: SqlParams = []): Promise<DuckDBResult> {
    const [values, types] = bind(sql, params);
    return this.connection.stream(sql, values, types);
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

function bind(
  sql: string,
  params: SqlParams,
): [
  DuckDBValue[] | Record<string, DuckDBValue> | undefined,
  DuckDBType[] | Record<string, DuckDBType | undefined> | undefined,
] {
  if (Array.isArray(params)) {
    if (params.length === 0) return [undefined, undefined];
    // node-api reads types[i] per value; undefined lets it infer the type.
    const values = (params as SqlParam[]).map(toValue);
    const types = (params as SqlParam[]).map(toType);
    return [values, types as DuckDBType[]];
  }
  const values: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType | undefined> = {};
  for (const [name, p] of Object.entries(params as Record<string, SqlParam>)) {
    // DuckDB refuses values for names the statement does not use; models share parameter sets.
    if (!new RegExp(`\\$${name}\\b`).test(sql)) continue;
    values[name] = toValue(p);
    types[name] = toType(p);
  }
  return [values, types];
}

function toValue(p: SqlParam): DuckDBValue {
  return Array.isArray(p) ? listValue(p as (string | number)[]) : (p as DuckDBValue);
}

function toType(p: SqlParam): DuckDBType | undefined {
  if (!Array.isArray(p)) return undefined;
  return p.length > 0 && typeof p[0] === 'number' ? LIST(BIGINT) : LIST(VARCHAR);
}
