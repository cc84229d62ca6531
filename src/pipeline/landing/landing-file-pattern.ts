/**
 * The names a dataset's landing files may have: `<prefix>.csv|parquet` or
 * `<prefix>_<suffix>.csv|parquet` (`-` works too), case-insensitive; group 1 is the format. A
 * file being written under another name (`emr_events_7.csv.tmp`, `.emr_events_7.csv`) does not
 * match, so renaming it into place is what delivers it. Pure.
 *
 * @example
 * landingFilePattern('emr_events').exec('emr_events_2025-04-01.csv')?.[1]; // 'csv'
 */
export function landingFilePattern(prefix: string): RegExp {
  return new RegExp(`^${prefix}(?:[_-][^/]*)?\\.(csv|parquet)$`, 'i');
}
