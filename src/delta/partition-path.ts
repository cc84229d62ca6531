/**
 * Where a partitioned data file lives, written the way Spark writes it so that every Delta
 * reader and a human browsing the folder see the same thing:
 * - folder segments `col=value`, with Hive's escaping (`%XX` for `/`, `=`, `%`, `:` …);
 * - a null (or empty) value is the folder `__HIVE_DEFAULT_PARTITION__`;
 * - the `add.path` in the log is that relative path, URI-encoded (so `%2F` becomes `%252F`).
 */

/** Hive's default partition name, used for null partition values. */
export const NULL_PARTITION = '__HIVE_DEFAULT_PARTITION__';

// Spark's ExternalCatalogUtils.charToEscape (POSIX set).
const MUST_ESCAPE = new Set(['"', '#', '%', "'", '*', '/', ':', '=', '?', '\\', '\x7f', '{', '[', ']', '^']);

/**
 * Escapes one path-name component as Hive/Spark do.
 *
 * @example
 * escapePathName('a/b=c'); // 'a%2Fb%3Dc'
 */
export function escapePathName(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out += code < 0x20 || MUST_ESCAPE.has(ch) ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : ch;
  }
  return out;
}

/**
 * The relative folder for a tuple of partition values, in partition-column order.
 *
 * @example
 * partitionFolder(['d', 'u'], { d: '2024-01-01', u: null }); // 'd=2024-01-01/u=__HIVE_DEFAULT_PARTITION__'
 */
export function partitionFolder(columns: readonly string[], values: Record<string, string | null>): string {
  return columns
    .map((c) => {
      const v = values[c];
      return `${escapePathName(c)}=${v === null || v === undefined || v === '' ? NULL_PARTITION : escapePathName(v)}`;
    })
    .join('/');
}

/**
 * Encodes a relative file path for `add.path` (RFC 2396 path characters stay, the rest is
 * percent-encoded, `/` separates segments).
 *
 * @example
 * encodeLogPath('p=a%2Fb x/part-0.parquet'); // 'p=a%252Fb%20x/part-0.parquet'
 */
export function encodeLogPath(relativePath: string): string {
  return relativePath
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%3D/g, '=').replace(/%3A/g, ':'))
    .join('/');
}

/**
 * Decodes an `add.path` back to the relative (or absolute, for `file:` URIs) file path.
 *
 * @example
 * decodeLogPath('p=a%252Fb%20x/part-0.parquet'); // 'p=a%2Fb x/part-0.parquet'
 */
export function decodeLogPath(logPath: string): string {
  if (logPath.startsWith('file:')) return decodeURIComponent(new URL(logPath).pathname);
  return decodeURIComponent(logPath);
}
