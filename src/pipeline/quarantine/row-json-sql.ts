import type { StructType } from '../../delta/schema.js';
import { quoteIdentifier } from '../../engine/quote-identifier.js';

/**
 * The SQL for a whole row of `alias` as the `_raw` JSON of a quarantine row, written the same on
 * every engine (pure): each column by name, instants through timestamp_text and decimal amounts
 * through json_amount (the macros that give Spark DuckDB's JSON text), in the table's column
 * order. `to_json(alias)` would differ: Spark writes `2024-01-01T10:00:00.000Z` and `12.50`.
 *
 * @example
 * rowJsonSql('b', snapshot.schema); // "to_json({'encounter_id': b.\"encounter_id\", …})"
 */
export function rowJsonSql(alias: string, schema: StructType): string {
  const fields = schema.fields.map((f) => {
    const column = `${alias}.${quoteIdentifier(f.name)}`;
    const type = typeof f.type === 'string' ? f.type : '';
    const value = type.startsWith('timestamp')
      ? `timestamp_text(${column})`
      : type.startsWith('decimal')
        ? `json_amount(${column})`
        : column;
    return `'${f.name.replace(/'/g, "''")}': ${value}`;
  });
  return `to_json({${fields.join(', ')}})`;
}
