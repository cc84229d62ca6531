import type { Snapshot } from '../../delta/snapshot.js';

/**
 * A table's columns with their Delta type names (`string`, `long`, `date`, `decimal(10,2)`,
 * `struct`, `array`, `map`). Pure.
 *
 * @example
 * columnsOf(snapshot); // [{ name: 'encounter_id', type: 'string' }, …]
 */
export function columnsOf(snapshot: Snapshot): { name: string; type: string }[] {
  return snapshot.schema.fields.map((f) => ({
    name: f.name,
    type: typeof f.type === 'string' ? f.type : f.type.type,
  }));
}
