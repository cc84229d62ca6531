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
