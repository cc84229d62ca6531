import type { MeasureDefinition } from './measure-types.js';

/**
 * A measure definition with its `tables` filled in from its source and lookups, frozen, so the
 * list of tables read can never drift from the SQL that reads them.
 *
 * @example
 * const m = defineMeasure({ name: 'ed_volume', table: 'lh_silver.dbo.silver_healthcare_encounters', … });
 */
export function defineMeasure(definition: Omit<MeasureDefinition, 'tables'>): MeasureDefinition {
  const tables = [definition.table, ...(definition.lookups ?? []).map((l) => l.table)];
  return Object.freeze({ ...definition, tables: Object.freeze(tables) });
}
