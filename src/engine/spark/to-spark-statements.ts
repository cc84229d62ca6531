import { toSparkSql } from './dialect/to-spark-sql.js';
import { quoteSparkIdentifier } from './quote-spark-identifier.js';
import { sparkViewName } from './spark-view-name.js';

/** One statement of the project's dialect, as Spark runs it. */
export type SparkStatement =
  | { kind: 'sql'; sql: string }
  /** Keep the rows of `query` as the temporary relation `name` for the rest of the run. */
  | { kind: 'materialize'; name: string; query: string }
  /** Forget such a relation. */
  | { kind: 'drop'; name: string };

/**
 * One statement of the project's dialect for Spark (pure): the dialect rewrite
 * (src/engine/spark/dialect), lake names mapped to the engine's views, and the statements Spark
 * has no twin for told apart: a DuckDB temporary table (`CREATE OR REPLACE TEMP TABLE x AS q`,
 * rows kept for the rest of the run) is a `materialize` (Spark has no temporary tables, and a
 * view re-runs its query on each use, nor may it hold parameters), and `DROP TABLE x` of such a
 * table is a `drop`; a (permanent) view is a temporary one. `read_csv($p, …)` reads the view csvViewName(p), and `p` is added to
 * `csvFiles`: the engine reads that file itself and hands its rows to Spark (the file is on
 * carelake's machine, which the cluster need not see).
 *
 * @example
 * toSparkStatement('CREATE OR REPLACE TEMP TABLE refused AS SELECT 1 AS n');
 * // { kind: 'materialize', name: 'refused', query: 'SELECT 1 AS n' }
 */
export function toSparkStatement(sql: string, csvFiles: string[] = []): SparkStatement {
  const spark = toSparkSql(sql, {
    table: (lakehouse: string, schema: string, name: string) =>
      quoteSparkIdentifier(sparkViewName(lakehouse, schema, name)),
    csv: (parameter: string) => {
      csvFiles.push(parameter);
      return quoteSparkIdentifier(csvViewName(parameter));
    },
  });
  const temp =
    /^\s*create\s+or\s+replace\s+temp(?:orary)?\s+table\s+([a-z_][a-z0-9_]*)\s+as\s+([\s\S]*)$/i.exec(spark);
  if (temp) return { kind: 'materialize', name: temp[1]!.toLowerCase(), query: temp[2]! };
  const drop = /^\s*drop\s+table\s+(?:if\s+exists\s+)?([a-z_][a-z0-9_]*)\s*$/i.exec(spark);
  if (drop) return { kind: 'drop', name: drop[1]!.toLowerCase() };
  // A view the pipeline defines lives for the run only: never a view in Spark's catalog.
  const view = /^(\s*create\s+or\s+replace\s+)view\b/i.exec(spark);
  if (view) return { kind: 'sql', sql: `${view[1]}TEMPORARY VIEW${spark.slice(view[0].length)}` };
  return { kind: 'sql', sql: spark };
}

/** The view holding the rows of the CSV file named by parameter `p`. @example csvViewName('path') // 'carelake_csv_path' */
export function csvViewName(parameter: string): string {
  return `carelake_csv_${parameter}`.toLowerCase();
}
