/**
 * The temporary view the Spark engine registers for a lake table: a Spark session has no
 * `lh_silver` catalog and temporary views take one-part names, so `lh_silver.dbo.emr_events`
 * becomes `lh_silver__dbo__emr_events` (the rewriter maps model SQL to these names). Pure.
 *
 * @example
 * sparkViewName('lh_silver', 'dbo', 'emr_events'); // 'lh_silver__dbo__emr_events'
 */
export function sparkViewName(lakehouse: string, schema: string, name: string): string {
  return `${lakehouse}__${schema}__${name}`.toLowerCase();
}
