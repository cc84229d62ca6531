import type { Json } from '@duckdb/node-api';
import type { SqlParams } from '../duckdb/duckdb-database.js';
import type { EngineSql } from '../engine.js';
import type { SparkConnectClient } from './spark-connect-client.js';
import type { SparkSqlParams } from './to-spark-literal.js';
import { toSparkStatements } from './to-spark-statements.js';

/**
 * Statements and queries in the project's dialect, run on Spark: each is translated
 * (toSparkStatements) and its parameters bound as Spark literals.
 *
 * @example
 * const rows = await new SparkSql(client).readRows('SELECT count(*) AS n FROM lh_gold.dbo.t');
 */
export class SparkSql implements EngineSql {
  constructor(private readonly spark: SparkConnectClient) {}

  /** The Spark statements for one statement of the project's dialect. */
  translate(sql: string): string[] {
    return toSparkStatements(sql);
  }

  async run(sql: string, params: SqlParams = []): Promise<void> {
    for (const statement of this.translate(sql)) await this.spark.command(statement, bind(statement, params));
  }

  async readRows(sql: string, params: SqlParams = []): Promise<Record<string, Json>[]> {
    const statements = this.translate(sql);
    for (const statement of statements.slice(0, -1))
      await this.spark.command(statement, bind(statement, params));
    const last = statements.at(-1)!;
    return (await this.spark.sql(last, bind(last, params))) as Record<string, Json>[];
  }

  async columnNames(sql: string, params: SqlParams = []): Promise<string[]> {
    const [query] = this.translate(sql);
    const describe = `DESCRIBE QUERY SELECT * FROM (${query}) AS q`;
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
