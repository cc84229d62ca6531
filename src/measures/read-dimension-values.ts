import type { DuckDbEngine } from '../engine/duckdb/duckdb-engine.js';
import type { AsOf } from '../engine/duckdb/register-lake-views.js';
import { quoteIdentifier } from '../engine/quote-identifier.js';
import type { Lake } from '../lakehouse/read-lake.js';
import { MEASURES } from './catalog.js';
import { DIMENSION_NAMES } from './dimensions.js';
import { MeasureError } from './measure-error.js';
import type { DimensionName } from './measure-types.js';
import { registerMeasureTables } from './register-measure-tables.js';
import { SOURCE_TABLES } from './source-tables.js';

/**
 * The distinct non-null values of a category dimension across every measure table that has it
 * (for slicers), sorted. Tables not yet in the lake are skipped. `date` has no value list: use
 * from/to.
 *
 * @example
 * await readDimensionValues(engine, lake, 'payer'); // ['Commercial', 'Medicaid', 'Medicare', 'Self-Pay']
 */
export async function readDimensionValues(
  engine: DuckDbEngine,
  lake: Lake,
  dimension: string,
  options: { asOf?: AsOf } = {},
): Promise<string[]> {
  const categories = DIMENSION_NAMES.filter((d) => d !== 'date');
  const name = categories.find((d) => d === dimension);
  if (name === undefined) {
    throw new MeasureError(
      'unknown-dimension',
      dimension,
      categories,
      `no value list for dimension "${dimension}"`,
    );
  }
  const tables = [
    ...new Set(MEASURES.filter((m) => m.dimensions.includes(name as DimensionName)).map((m) => m.table)),
  ];
  const versions = await registerMeasureTables(engine, lake, tables, { ...options, skipMissing: true });
  if (versions.length === 0) return [];
  const selects = versions.map(({ table }) => {
    const column = quoteIdentifier(
      SOURCE_TABLES[table.toLowerCase()]?.[name as Exclude<DimensionName, 'date'>] ?? name,
    );
    return `SELECT CAST(${column} AS VARCHAR) AS v FROM ${table.split('.').map(quoteIdentifier).join('.')}`;
  });
  const rows = await engine.db.readRows(
    `SELECT DISTINCT v FROM (${selects.join(' UNION ALL ')}) WHERE v IS NOT NULL ORDER BY v`,
  );
  return rows.map((r) => String(r.v));
}
