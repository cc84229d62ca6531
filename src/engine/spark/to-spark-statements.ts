import { toSparkSql } from './dialect/to-spark-sql.js';
import { quoteSparkIdentifier } from './quote-spark-identifier.js';
import { sparkViewName } from './spark-view-name.js';

/**
 * The Spark SQL statements for one statement of the project's dialect (pure): the dialect
 * rewrite (src/engine/spark/dialect), lake names mapped to the engine's views, and the
 * statements Spark has no twin for turned into ones it has: a DuckDB temporary table
 * (`CREATE OR REPLACE TEMP TABLE x AS q`, rows kept for the rest of the run) becomes a
 * temporary view cached in memory (Spark re-runs a plain view's query on each use, and a
 * ranking over ties could then differ between uses), and `DROP TABLE x` of such a table drops
 * the view.
 *
 * @example
 * toSparkStatements('CREATE OR REPLACE TEMP TABLE refused AS SELECT 1 AS n');
 * // ['CREATE OR REPLACE TEMPORARY VIEW `refused` AS SELECT 1 AS n', 'CACHE TABLE `refused`']
 */
export function toSparkStatements(sql: string): string[] {
  const spark = toSparkSql(sql, {
    table: (lakehouse: string, schema: string, name: string) =>
      quoteSparkIdentifier(sparkViewName(lakehouse, schema, name)),
  });
  const temp =
    /^\s*create\s+or\s+replace\s+temp(?:orary)?\s+table\s+([a-z_][a-z0-9_]*)\s+as\s+([\s\S]*)$/i.exec(spark);
  if (temp) {
    const name = quoteSparkIdentifier(temp[1]!.toLowerCase());
    return [`CREATE OR REPLACE TEMPORARY VIEW ${name} AS ${temp[2]}`, `CACHE TABLE ${name}`];
  }
  const drop = /^\s*drop\s+table\s+(?:if\s+exists\s+)?([a-z_][a-z0-9_]*)\s*$/i.exec(spark);
  if (drop) {
    const name = quoteSparkIdentifier(drop[1]!.toLowerCase());
    return [`UNCACHE TABLE IF EXISTS ${name}`, `DROP VIEW IF EXISTS ${name}`];
  }
  return [spark];
}
