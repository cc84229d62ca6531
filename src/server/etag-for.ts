import { createHash } from 'node:crypto';

/**
 * The ETag of a response: a hash of the request (path and its query parameters in a fixed
 * order) and the Delta versions it reads, so it changes exactly when a table it reads gets a
 * new version. Pure.
 *
 * @example
 * etagFor('/api/query', new URLSearchParams('measure=avg_los'), [{ table: 'lh_silver.dbo.x', version: 3 }]); // '"3f…"'
 */
export function etagFor(
  path: string,
  query: URLSearchParams,
  versions: readonly { table: string; version: number }[],
  salt = '',
): string {
  const params = [...query.entries()].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1));
  const tables = versions.map((v) => `${v.table}@${v.version}`).sort();
  const hash = createHash('sha256')
    .update(JSON.stringify([path, params, tables, salt]))
    .digest('base64url')
    .slice(0, 27);
  return `"${hash}"`;
}
