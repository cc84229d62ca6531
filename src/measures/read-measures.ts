import type { Json } from '@duckdb/node-api';
import type { DuckDbEngine } from '../engine/duckdb/duckdb-engine.js';
import type { AsOf } from '../engine/duckdb/register-lake-views.js';
import type { Lake } from '../lakehouse/read-lake.js';
import { compileMeasureQuery } from './compile-measure-query.js';
import type { MeasureColumn, MeasureRequest } from './measure-types.js';
import { registerMeasureTables, type TableVersion } from './register-measure-tables.js';

/** What readMeasures returns: the rows, what each column is, and the Delta versions read. */
export interface MeasureResult {
  columns: MeasureColumn[];
  /** One object per row, keyed by column name; measures are numbers (or null), dates 'YYYY-MM-DD'. */
  rows: Record<string, Json>[];
  versions: TableVersion[];
  sql: string;
  params: Record<string, string>;
}

/**
 * Computes measures over a lake: compiles the request, registers only the tables it reads (at
 * `asOf` when given), runs the query with bound parameters. Timestamp date columns are read in
 * the lake's sourceTimeZone unless the request names a zone.
 *
 * @example
 * const lake = await readLake('/data/lake');
 * const r = await readMeasures(engine, lake, { measures: ['readmission_rate'], by: [{ dimension: 'payer' }] });
 */
export async function readMeasures(
  engine: DuckDbEngine,
  lake: Lake,
  request: MeasureRequest,
  options: { asOf?: AsOf } = {},
): Promise<MeasureResult> {
  const compiled = compileMeasureQuery({
    ...request,
    timeZone: request.timeZone ?? lake.config.sourceTimeZone,
  });
  const versions = await registerMeasureTables(engine, lake, compiled.tables, options);
  const rows = await engine.db.readRows(compiled.sql, compiled.params);
  return { columns: compiled.columns, rows, versions, sql: compiled.sql, params: compiled.params };
}
