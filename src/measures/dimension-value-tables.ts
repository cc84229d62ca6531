import { MEASURES } from './catalog.js';
import { DIMENSION_NAMES } from './dimensions.js';
import { MeasureError } from './measure-error.js';
import type { DimensionName } from './measure-types.js';
import { SOURCE_TABLES } from './source-tables.js';

/**
 * The tables (and their columns) that hold a category dimension's values: every measure table
 * sliced by it. A slicer lists the union. Pure; `date` has no value list (use from/to).
 *
 * @example
 * dimensionValueTables('risk_tier'); // [{ table: 'lh_gold.dbo.gold_healthcare_readmission_risk', column: 'risk_tier' }]
 */
export function dimensionValueTables(dimension: string): { table: string; column: string }[] {
  const categories = DIMENSION_NAMES.filter((d) => d !== 'date');
  const name = categories.find((d) => d === dimension) as Exclude<DimensionName, 'date'> | undefined;
  if (name === undefined)
    throw new MeasureError(
      'unknown-dimension',
      dimension,
      categories,
      `no value list for dimension "${dimension}"`,
    );
  const tables = [...new Set(MEASURES.filter((m) => m.dimensions.includes(name)).map((m) => m.table))];
  return tables.map((table) => ({ table, column: SOURCE_TABLES[table.toLowerCase()]?.[name] ?? name }));
}
