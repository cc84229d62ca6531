import type { Json } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { arrowCellToJson } from './arrow-cell-to-json.js';

/**
 * The rows of one Arrow IPC stream (what Spark Connect sends in each ArrowBatch) as objects keyed
 * by column name, each value converted as arrowCellToJson documents (pure).
 *
 * @example
 * const rows = decodeArrowRows(response.arrowBatch.data); // [{ id: '1', name: 'a' }]
 */
export function decodeArrowRows(ipc: Uint8Array): Record<string, Json>[] {
  const table = tableFromIPC(ipc);
  const names = table.schema.fields.map((f) => f.name);
  const rows: Record<string, Json>[] = [];
  for (const batch of table.batches) {
    const columns = names.map((_, k) => batch.data.children[k]!);
    for (let i = 0; i < batch.numRows; i++) {
      const row: Record<string, Json> = {};
      for (let k = 0; k < names.length; k++) row[names[k]!] = arrowCellToJson(columns[k]!, i);
      rows.push(row);
    }
  }
  return rows;
}
