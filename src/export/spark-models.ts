import { sparkModelSql } from './spark-model-sql.js';

/** What the notebooks take from carelake's models: Spark SQL per model and the helper functions. */
export interface SparkModels {
  /** CREATE TEMPORARY FUNCTION statements for models/macros, Spark versions. */
  macros: string[];
  /** A model's Spark SQL, lakehouse tables written as ${lh_x.dbo.name}; undefined when it has none. */
  sql(layer: string, name: string): string | undefined;
}

/**
 * The models as Spark SQL, read from models/ at export time.
 *
 * @example
 * readSparkModels().sql('gold', 'clinician_emr_sessions');
 */
export function readSparkModels(): SparkModels {
  return { macros: [], sql: (layer, name) => sparkModelSql(layer, name) };
}
