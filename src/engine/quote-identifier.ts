/**
 * The one way an identifier (catalog, schema, table, column) enters SQL text: double-quoted,
 * with embedded quotes doubled. Values never go through here; they are bound as parameters.
 *
 * @example
 * quoteIdentifier('my "odd" col'); // '"my ""odd"" col"'
 */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
