import { MEASURES } from './catalog.js';
import { checkIsoDate } from './check-iso-date.js';
import { DATE_GRAINS, DIMENSION_NAMES } from './dimensions.js';
import { MeasureError } from './measure-error.js';
import type {
  DateGrain,
  DimensionName,
  MeasureDefinition,
  MeasureFilter,
  MeasureRequest,
} from './measure-types.js';

/** A request whose every name, grain and date has been checked against the catalog. */
export interface CheckedMeasureRequest {
  measures: MeasureDefinition[];
  by: { dimension: DimensionName; grain?: DateGrain }[];
  filters: (MeasureFilter & { dimension: Exclude<DimensionName, 'date'> })[];
  from?: string;
  to?: string;
  timeZone: string;
}

/**
 * Checks a measure request against the catalog: known measures, known dimensions that every
 * requested measure allows, date grains only on `date`, real dates with from ≤ to. Each mistake
 * is a MeasureError naming the bad value and the allowed ones. Pure.
 *
 * @example
 * checkMeasureRequest({ measures: ['avg_los'], by: [{ dimension: 'payer' }] }).measures[0].table;
 */
export function checkMeasureRequest(request: MeasureRequest): CheckedMeasureRequest {
  const names = MEASURES.map((m) => m.name);
  if (request.measures.length === 0)
    throw new MeasureError('bad-request', '', names, 'name at least one measure');
  const measures = request.measures.map((name) => {
    const found = MEASURES.find((m) => m.name === name);
    if (found === undefined)
      throw new MeasureError('unknown-measure', name, names, `unknown measure "${name}"`);
    return found;
  });
  const repeated = request.measures.find((name, i) => request.measures.indexOf(name) !== i);
  if (repeated !== undefined)
    throw new MeasureError('bad-request', repeated, [], `measure "${repeated}" is asked for twice`);

  const by = (request.by ?? []).map(({ dimension, grain }) => {
    const name = checkDimension(dimension, measures);
    if (name !== 'date') {
      if (grain !== undefined)
        throw new MeasureError(
          'bad-grain',
          `${dimension}:${grain}`,
          ['date'],
          `"${dimension}:${grain}": only date takes a grain (write --by ${dimension})`,
        );
      return { dimension: name };
    }
    const g = grain ?? 'day';
    if (!(DATE_GRAINS as readonly string[]).includes(g))
      throw new MeasureError('bad-grain', g, DATE_GRAINS, `unknown date grain "${g}"`);
    return { dimension: name, grain: g as DateGrain };
  });
  const twice = by.find((b, i) => by.findIndex((o) => o.dimension === b.dimension) !== i);
  if (twice !== undefined)
    throw new MeasureError(
      'bad-request',
      twice.dimension,
      [],
      `dimension "${twice.dimension}" is grouped by twice`,
    );

  const filters = (request.filters ?? []).map((f) => {
    const name = checkDimension(f.dimension, measures);
    if (name === 'date')
      throw new MeasureError('bad-filter', 'date', ['--from', '--to'], 'filter dates with from and to');
    if (f.values.length === 0 || (f.op === 'eq' && f.values.length !== 1))
      throw new MeasureError(
        'bad-filter',
        f.dimension,
        [],
        `filter on ${f.dimension} needs ${f.op === 'eq' ? 'exactly one value' : 'values'}`,
      );
    if (f.op !== 'eq' && f.op !== 'in')
      throw new MeasureError('bad-filter', String(f.op), ['eq', 'in'], `unknown filter operator "${f.op}"`);
    return { ...f, dimension: name };
  });

  const from = request.from === undefined ? undefined : checkIsoDate(request.from, 'from');
  const to = request.to === undefined ? undefined : checkIsoDate(request.to, 'to');
  if (from !== undefined && to !== undefined && from > to)
    throw new MeasureError('bad-date', `${from}..${to}`, [], `--from ${from} is after --to ${to}`);
  if (from !== undefined || to !== undefined) checkDimension('date', measures);
  return {
    measures,
    by,
    filters,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    timeZone: request.timeZone ?? 'UTC',
  };
}

function checkDimension(text: string, measures: readonly MeasureDefinition[]): DimensionName {
  const name = DIMENSION_NAMES.find((d) => d === text);
  if (name === undefined)
    throw new MeasureError('unknown-dimension', text, DIMENSION_NAMES, `unknown dimension "${text}"`);
  for (const m of measures) {
    if (!m.dimensions.includes(name)) {
      const what =
        name === 'date'
          ? 'has no date column, so it cannot be sliced or filtered by date'
          : `cannot be sliced by ${name}`;
      throw new MeasureError('dimension-not-allowed', name, m.dimensions, `measure ${m.name} ${what}`);
    }
  }
  return name;
}
