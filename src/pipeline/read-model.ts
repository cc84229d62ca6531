import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// dist/src/pipeline/read-model.js → the package root holds models/.
const MODELS = fileURLToPath(new URL('../../../models/', import.meta.url));

/** A model's metadata file (grain, key, expectations, landing spec for bronze models). */
export interface ModelMeta {
  table: string;
  grain: string;
  key: string[];
  partitionBy?: string[];
  landing?: { prefix: string; columns: string[] };
  /**
   * Bronze models: the Parquet types (as DuckDB names them) each landing column is taken in as
   * is; any other type is read as text and parsed like a CSV value.
   */
  typedColumns?: Record<string, string[]>;
  expectations?: Expectation[];
}

/** A declared data-quality rule of a model. */
export interface Expectation {
  column: string;
  rule: 'not_null' | 'unique' | 'range' | 'accepted_values' | 'row';
  level: 'error' | 'warn';
  min?: number;
  max?: number;
  values?: string[];
  /** For `row` rules: a boolean SQL expression every row must satisfy. */
  sql?: string;
}

/** The SQL dialects the models are written for: DuckDB's (the files as they are) and Spark's. */
export type ModelEngine = 'duckdb' | 'spark';

/**
 * The SQL of a model, `models/<layer>/<name>.sql`. For Spark, a second version
 * `models/<layer>/<name>.spark.sql` is taken when one exists (a model the two engines need
 * different SQL for); otherwise the shared file, still in DuckDB's dialect (the Spark engine
 * passes it through toSparkSql).
 *
 * @example
 * readModelSql('gold', 'clinician_emr_sessions');
 * readModelSql('gold', '_session_events_capped', 'spark'); // models/gold/_session_events_capped.spark.sql
 */
export function readModelSql(layer: string, name: string, engine: ModelEngine = 'duckdb'): string {
  const variant = `${MODELS}${layer}/${name}.spark.sql`;
  if (engine === 'spark' && existsSync(variant)) return readFileSync(variant, 'utf8');
  return readFileSync(`${MODELS}${layer}/${name}.sql`, 'utf8');
}

/**
 * Whether a model has a Spark version of its own (`<name>.spark.sql`), written in Spark SQL.
 *
 * @example
 * hasSparkVersion('gold', '_session_events_capped'); // true
 */
export function hasSparkVersion(layer: string, name: string): boolean {
  return existsSync(`${MODELS}${layer}/${name}.spark.sql`);
}

/**
 * The metadata beside a model, `models/<layer>/<name>.json`.
 *
 * @example
 * readModelMeta('bronze', 'bronze_emr_events').landing?.columns;
 */
export function readModelMeta(layer: string, name: string): ModelMeta {
  return JSON.parse(readFileSync(`${MODELS}${layer}/${name}.json`, 'utf8')) as ModelMeta;
}

/**
 * The SQL of every macro the models share (parse_timestamp, phi_like, …), in name order: for
 * DuckDB the `create temp macro` files of `models/macros/`, for Spark the `CREATE TEMPORARY
 * FUNCTION` files of `models/macros/spark/`, the same names with the same meaning (written in
 * Spark SQL: run them as they are, not through toSparkSql). Every macro exists for both.
 *
 * @example
 * for (const sql of readMacros()) await db.run(sql);
 * for (const sql of readMacros('spark')) await spark.command(sql);
 */
export function readMacros(engine: ModelEngine = 'duckdb'): string[] {
  const dir = engine === 'spark' ? `${MODELS}macros/spark/` : `${MODELS}macros/`;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => readFileSync(`${dir}${f}`, 'utf8'));
}
