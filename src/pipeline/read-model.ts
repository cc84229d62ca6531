import { readdirSync, readFileSync } from 'node:fs';
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

/**
 * The SQL of a model, `models/<layer>/<name>.sql`.
 *
 * @example
 * readModelSql('gold', 'clinician_emr_sessions');
 */
export function readModelSql(layer: string, name: string): string {
  return readFileSync(`${MODELS}${layer}/${name}.sql`, 'utf8');
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
 * The SQL of every macro in `models/macros/` (helpers the models share, such as
 * parse_timestamp), in name order.
 *
 * @example
 * for (const sql of readMacros()) await db.run(sql);
 */
export function readMacros(): string[] {
  return readdirSync(`${MODELS}macros`)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => readFileSync(`${MODELS}macros/${f}`, 'utf8'));
}
