import { relative, sep } from 'node:path';
import { UsageError } from '../../errors/usage-error.js';

/**
 * Where Spark finds a path of the lake: the same path when Spark shares carelake's file system
 * (a local server), else the path under the lake's URI on the cluster's storage (`spark.lakeUri`
 * in carelake.json, e.g. `abfss://ws@onelake.dfs.fabric.microsoft.com/hospital.Lakehouse` for a
 * lake that carelake sees mounted at its local folder). Pure.
 *
 * A path outside the lake cannot be mapped and fails with a UsageError naming it.
 *
 * @example
 * mapLakeUri('/mnt/lake/Tables/dbo/t', '/mnt/lake', 's3://bucket/lake'); // 's3://bucket/lake/Tables/dbo/t'
 */
export function mapLakeUri(path: string, lakeDir: string, lakeUri: string | undefined): string {
  if (lakeUri === undefined || lakeUri === '') return path;
  const rel = relative(lakeDir, path);
  if (rel.startsWith('..') || rel.startsWith(sep))
    throw new UsageError(
      `${path} is outside the lake ${lakeDir}; Spark reads only paths under spark.lakeUri`,
    );
  const parts = rel === '' ? [] : rel.split(sep);
  return [lakeUri.replace(/\/+$/, ''), ...parts].join('/');
}
