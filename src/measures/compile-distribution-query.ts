import { quoteIdentifier } from '../engine/quote-identifier.js';
import { checkIsoDate } from './check-iso-date.js';
import { DIMENSION_NAMES } from './dimensions.js';
import { type DistributionDefinition, listDistributions } from './distributions.js';
import { MeasureError } from './measure-error.js';
import type { MeasureFilter } from './measure-types.js';
import { SOURCE_TABLES } from './source-tables.js';

/** What a histogram request asks for. */
export interface DistributionRequest {
  distribution: string;
  /** At most one category dimension: one histogram per value (`group`). */
  by?: string;
  filters?: readonly MeasureFilter[];
  from?: string;
  to?: string;
  /** Bin width in the value's unit (default: the definition's). */
  width?: number;
  timeZone?: string;
}

/**
 * Compiles a histogram: rows `(group?, lo, n)` with `lo` the bin's lower edge, values at or
 * above the definition's maxValue in one last bin, filtered exactly as measures are (the same
 * dimension columns, bound values, inclusive dates). Unknown names and dimensions a
 * distribution does not allow are MeasureErrors naming the allowed ones. Pure.
 *
 * @example
 * compileDistributionQuery({ distribution: 'session_minutes', by: 'clinician_role' }).sql;
 */
export function compileDistributionQuery(request: DistributionRequest): {
  sql: string;
  params: Record<string, string | number>;
  tables: string[];
  definition: DistributionDefinition;
  width: number;
} {
  const all = listDistributions();
  const d = all.find((x) => x.name === request.distribution);
  if (d === undefined)
    throw new MeasureError(
      'unknown-measure',
      request.distribution,
      all.map((x) => x.name),
      `unknown distribution "${request.distribution}"`,
    );
  const columns = SOURCE_TABLES[d.table] ?? {};
  const column = (dimension: string): string => {
    const name = DIMENSION_NAMES.find((n) => n === dimension);
    if (name === undefined)
      throw new MeasureError(
        'unknown-dimension',
        dimension,
        DIMENSION_NAMES,
        `unknown dimension "${dimension}"`,
      );
    if (name === 'date' || !d.dimensions.includes(name))
      throw new MeasureError(
        'dimension-not-allowed',
        dimension,
        d.dimensions.filter((x) => x !== 'date'),
        `distribution ${d.name} cannot be split by ${dimension}`,
      );
    return `s.${quoteIdentifier(columns[name] ?? name)}`;
  };
  const width = request.width ?? d.binWidth;
  if (!Number.isFinite(width) || width <= 0)
    throw new MeasureError(
      'bad-request',
      String(request.width),
      [],
      `bin width must be a positive number, not ${request.width}`,
    );
  const params: Record<string, string | number> = { width, last_bin: Math.floor(d.maxValue / width) };
  const where = [`(${d.rowFilter})`];
  (request.filters ?? []).forEach((f, i) => {
    const names = f.values.map((v, j) => {
      params[`f${i}_${j}`] = v;
      return `$f${i}_${j}`;
    });
    where.push(`${column(f.dimension)} IN (${names.join(', ')})`);
  });
  const day =
    d.dateColumn.type === 'date'
      ? `s.${quoteIdentifier(d.dateColumn.column)}`
      : `CAST(timezone($time_zone, s.${quoteIdentifier(d.dateColumn.column)}) AS DATE)`;
  if (request.from !== undefined) {
    params.from = checkIsoDate(request.from, 'from');
    where.push(`${day} >= CAST($from AS DATE)`);
  }
  if (request.to !== undefined) {
    params.to = checkIsoDate(request.to, 'to');
    where.push(`${day} <= CAST($to AS DATE)`);
  }
  if (d.dateColumn.type === 'timestamp' && (request.from !== undefined || request.to !== undefined))
    params.time_zone = request.timeZone ?? 'UTC';
  const group =
    request.by === undefined ? '' : `CAST(${column(request.by)} AS VARCHAR) AS ${quoteIdentifier('group')}, `;
  const table = d.table.split('.').map(quoteIdentifier).join('.');
  const sql = `SELECT ${group}CAST(least(floor((${d.value}) / $width), $last_bin) * $width AS DOUBLE) AS lo, count(*) AS n
FROM ${table} AS s
WHERE ${where.join(' AND ')}
GROUP BY ALL ORDER BY ALL`;
  return { sql, params, tables: [d.table], definition: d, width };
}
