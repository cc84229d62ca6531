import { toSparkSql } from '../engine/spark/dialect/to-spark-sql.js';
import { hasSparkVersion, readMacros, readModelSql } from '../pipeline/read-model.js';
import { tablePlaceholder } from './table-placeholder.js';

/** What the notebooks take from carelake's models: Spark SQL per model and the helper functions. */
export interface SparkModels {
  /** CREATE TEMPORARY FUNCTION statements for models/macros, Spark versions. */
  macros: string[];
  /** A model's Spark SQL, lakehouse tables written as ${lh_x.dbo.name}; undefined when it has none. */
  sql(layer: string, name: string): string | undefined;
}

/**
 * The models as Spark SQL, read from models/ at export time: a model's own Spark version
 * (`<name>.spark.sql`) as it is, else its shared SQL through carelake's Spark dialect rewrite
 * (toSparkSql), lakehouse tables as `${lh_x.dbo.name}` placeholders the notebook resolves. The
 * MS-DRG weights model reads its CSV with DuckDB's read_csv, which Spark SQL has not: the
 * notebook registers the CSV as the view `drg_weights_csv` and the model reads that.
 *
 * @example
 * readSparkModels().sql('gold', 'gold_healthcare_kpis');
 */
export function readSparkModels(): SparkModels {
  return {
    macros: readMacros('spark'),
    sql: (layer, name) => {
      if (hasSparkVersion(layer, name)) return readModelSql(layer, name, 'spark');
      const sql = toSparkSql(readModelSql(layer, name), { table: tablePlaceholder });
      return sql.replace(/\bread_csv\(\s*:path\b[^)]*\)/g, 'drg_weights_csv');
    },
  };
}
