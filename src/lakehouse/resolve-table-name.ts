import { UsageError } from '../errors/usage-error.js';
import { type LakeTable, qualifiedName } from './lake-table.js';

/**
 * Finds the table a SQL-style name refers to: `lakehouse.schema.table`, `lakehouse.table`
 * (schema dbo), or a bare `table` that is unique across the lake. Case-insensitive, as SQL
 * identifiers are. Unknown and ambiguous names are usage errors listing what exists. Pure.
 *
 * @example
 * resolveTableName(tables, 'clinician_emr_sessions'); // the lh_gold table
 */
export function resolveTableName(tables: readonly LakeTable[], name: string): LakeTable {
  const parts = name.split('.').map((p) => p.replace(/^"|"$/g, '').toLowerCase());
  const matches = tables.filter((t) => {
    const [lh, schema, table] = [t.lakehouse.toLowerCase(), t.schema.toLowerCase(), t.name.toLowerCase()];
    if (parts.length === 3) return parts[0] === lh && parts[1] === schema && parts[2] === table;
    if (parts.length === 2)
      return (
        (parts[0] === lh && schema === 'dbo' && parts[1] === table) ||
        (parts[0] === schema && parts[1] === table)
      );
    return parts.length === 1 && parts[0] === table;
  });
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new UsageError(
      `table name "${name}" is ambiguous: ${matches.map(qualifiedName).join(', ')}; use the full name`,
    );
  }
  const known = tables.map(qualifiedName);
  throw new UsageError(
    `table "${name}" not found in the lake${known.length ? `; tables: ${known.join(', ')}` : ' (it has no tables yet)'}`,
  );
}
