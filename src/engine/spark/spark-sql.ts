import type { Json } from '@duckdb/node-api';
import type { SqlParams } from '../duckdb/duckdb-database.js';
import type { EngineSql } from '../engine.js';
import type { SparkConnectClient } from './spark-connect-client.js';
import type { SparkSqlParams } from './to-spark-literal.js';
import { toSparkStatement } from './to-spark-statements.js';

/** Where the Spark engine keeps the rows of temporary tables. */
export interface SparkRelations {
  materialize(name: string, query: string, params: SparkSqlParams | undefined): Promise<void>;
  drop(name: string): Promise<void>;
}

/**
 * Statements and queries in the project's dialect, run on Spark: each is translated
 * (toSparkStatement) and its parameters bound as Spark literals; temporary tables are kept by
 * the engine (`relations`).
 *
 * @example
 * const rows = await engine.db.readRows('SELECT count(*) AS n FROM lh_gold.dbo.t');
 */
export class SparkSql implements EngineSql {
  constructor(
    private readonly spark: SparkConnectClient,
    private readonly relations: SparkRelations,
  ) {}

  /** A query of the project's dialect in Spark SQL. */
  translate(sql: string, csvFiles: string[] = []): string {
    const statement = toSparkStatement(sql, csvFiles);
    if (statement.kind !== 'sql') throw new Error(`not a query: ${sql.slice(0, 60)}`);
    return statement.sql;
  }

  async run(sql: string, params: SqlParams = []): Promise<void> {
    const statement = toSparkStatement(sql);
    if (statement.kind === 'materialize')
      await this.relations.materialize(statement.name, statement.query, bind(statement.query, params));
    else if (statement.kind === 'drop') await this.relations.drop(statement.name);
    else await this.spark.command(statement.sql, bind(statement.sql, params));
  }

  async readRows(sql: string, params: SqlParams = []): Promise<Record<string, Json>[]> {
    const query = this.translate(sql);
    return (await this.spark.sql(query, bind(query, params))) as Record<string, Json>[];
  }

  async columnNames(sql: string, params: SqlParams = []): Promise<string[]> {
    const describe = `DESCRIBE QUERY SELECT * FROM (${this.translate(sql)}) AS q`;
    const rows = await this.spark.command(describe, bind(describe, params));
    return rows.map((r) => String(r.col_name));
  }
}

/**
 * Parameters as the Spark client takes them (the same kinds; Spark binds them as literals).
 * Named ones the statement does not use are left out, as the DuckDB engine does: models share
 * parameter sets.
 */
function bind(statement: string, params: SqlParams): SparkSqlParams | undefined {
  if (Array.isArray(params)) return params.length === 0 ? undefined : (params as SparkSqlParams);
  const used = Object.entries(params).filter(([name]) => new RegExp(`:${name}\\b`).test(statement));
  return used.length === 0 ? undefined : (Object.fromEntries(used) as SparkSqlParams);
}
