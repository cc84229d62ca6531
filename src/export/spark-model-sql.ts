import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MODELS = fileURLToPath(new URL('../../../models/', import.meta.url));

/**
 * How exported SQL names a lakehouse table: `${lh_silver.dbo.emr_events}`, which the notebook
 * runtime resolves to the cluster's name for it (src/export/python/tables.py).
 *
 * @example
 * tablePlaceholder('lh_gold', 'dbo', 'gold_healthcare_kpis'); // '${lh_gold.dbo.gold_healthcare_kpis}'
 */
export function tablePlaceholder(lakehouse: string, schema: string, name: string): string {
  return `\${${lakehouse}.${schema}.${name}}`;
}

/**
 * A model's Spark SQL, read at export time from models/ (never copied by hand): the model's
 * `<name>.spark.sql` where the models keep one, else undefined (the model has no Spark version).
 *
 * @example
 * sparkModelSql('gold', 'clinician_emr_sessions');
 */
export function sparkModelSql(layer: string, name: string): string | undefined {
  const path = `${MODELS}${layer}/${name}.spark.sql`;
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
