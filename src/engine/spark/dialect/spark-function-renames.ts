/**
 * DuckDB functions the models call whose Spark SQL function takes the same arguments with the
 * same meaning under another name. Each was checked on both engines (docs/spark-dialect.md §1):
 * list_extract and element_at are both 1-based, quantile_cont and percentile both interpolate
 * linearly (exact), unnest/generate_series and explode/sequence both yield one row per element.
 *
 * @example
 * SPARK_FUNCTION_RENAMES.get('list_contains'); // 'array_contains'
 */
export const SPARK_FUNCTION_RENAMES: ReadonlyMap<string, string> = new Map([
  ['quantile_cont', 'percentile'],
  ['list_transform', 'transform'],
  ['list_contains', 'array_contains'],
  ['list_extract', 'element_at'],
  ['list_sort', 'array_sort'],
  ['list', 'collect_list'],
  ['unnest', 'explode'],
  ['generate_series', 'sequence'],
  ['epoch_us', 'unix_micros'],
]);
