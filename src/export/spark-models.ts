import { toSparkSql } from '../engine/spark/dialect/to-spark-sql.js';
import { hasSparkVersion, readMacros, readModelSql } from '../pipeline/read-model.js';
import { tablePlaceholder } from './table-placeholder.js';

/** What the notebooks take from carelake's models: Spark SQL per model and the helper functions. */
export interface SparkModels {
  /** CREATE TEMPORARY FUNCTION statements for models/macros, Spark versions. */
  macros: string[];
  /**
   * A model's Spark SQL, lakehouse tables written as ${lh_x.dbo.name}: its own Spark version
   * when it has one, else (or with `shared`) its shared SQL rewritten.
   */
  sql(layer: string, name: string, options?: { shared?: boolean }): string | undefined;
}

/**
 * The models as Spark SQL, read from models/ at export time: a model's own Spark version
 * (`<name>.spark.sql`) as it is, else its shared SQL through carelake's Spark dialect rewrite
 * (toSparkSql), lakehouse tables as `${lh_x.dbo.name}` placeholders the notebook resolves. The
 * MS-DRG weights model's read_csv becomes the view `drg_weights_csv` the notebook registers.
 *
 * @example
 * readSparkModels().sql('gold', 'gold_healthcare_kpis');
 */
export function readSparkModels(): SparkModels {
  return {
    macros: readMacros('spark'),
    sql: (layer, name, options = {}) => {
      if (hasSparkVersion(layer, name) && !options.shared) return readModelSql(layer, name, 'spark');
      return toSparkSql(readModelSql(layer, name), { table: tablePlaceholder, csv: () => 'drg_weights_csv' });
    },
  };
}
