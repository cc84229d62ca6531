import { RawJson, stringifyLosslessJson } from '../../delta/lossless-json.js';
import type { DeltaType, StructField } from '../../delta/schema.js';
import { quoteIdentifier } from '../quote-identifier.js';

/** Per-column statistics as DuckDB's `COPY … RETURN_STATS` reports them, keyed by quoted path. */
export type CopyColumnStats = Record<string, Record<string, string | null>>;

const STRING_PREFIX = 32;
const NUMERIC = new Set(['long', 'integer', 'short', 'byte', 'float', 'double']);

/**
 * Builds an `add.stats` JSON string (numRecords, minValues, maxValues, nullCount) from the
 * statistics DuckDB returned while writing the file, so no file is read back. Nested struct
 * fields nest; arrays and maps get none (as Spark). Timestamps are UTC with `Z` at millisecond
 * precision, the max rounded up so that the range stays a bound; long strings keep a 32-char
 * prefix as min and no max.
 *
 * @example
 * deltaStatsFromCopy(3, { '"id"': { min: '1', max: '3', null_count: '0' } }, [field('id', 'long')]);
 */
export function deltaStatsFromCopy(
  numRecords: number,
  stats: CopyColumnStats,
  fields: readonly StructField[],
): string {
  const minValues: Record<string, unknown> = {};
  const maxValues: Record<string, unknown> = {};
  const nullCount: Record<string, unknown> = {};
  collect(fields, '', stats, minValues, maxValues, nullCount);
  return stringifyLosslessJson({ numRecords, minValues, maxValues, nullCount });
}

function collect(
  fields: readonly StructField[],
  prefix: string,
  stats: CopyColumnStats,
  min: Record<string, unknown>,
  max: Record<string, unknown>,
  nulls: Record<string, unknown>,
): void {
  for (const f of fields) {
    const key = prefix === '' ? quoteIdentifier(f.name) : `${prefix}.${quoteIdentifier(f.name)}`;
    if (typeof f.type === 'object') {
      if (f.type.type !== 'struct') continue;
      const [cmin, cmax, cnull] = [{}, {}, {}];
      collect(f.type.fields, key, stats, cmin, cmax, cnull);
      if (Object.keys(cmin).length) min[f.name] = cmin;
      if (Object.keys(cmax).length) max[f.name] = cmax;
      if (Object.keys(cnull).length) nulls[f.name] = cnull;
      continue;
    }
    const s = stats[key];
    if (s === undefined) continue;
    if (s.null_count !== undefined && s.null_count !== null)
      nulls[f.name] = new RawJson(String(BigInt(s.null_count)));
    if (s.has_nan === 'true') continue;
    const lo = s.min === undefined || s.min === null ? undefined : statValue(f.type, s.min, 'min');
    const hi = s.max === undefined || s.max === null ? undefined : statValue(f.type, s.max, 'max');
    if (lo !== undefined) min[f.name] = lo;
    if (hi !== undefined) max[f.name] = hi;
  }
}

function statValue(type: DeltaType, text: string, bound: 'min' | 'max'): unknown {
  if (typeof type !== 'string') return undefined;
  if (NUMERIC.has(type) || type.startsWith('decimal')) {
    return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) ? new RawJson(text) : undefined;
  }
  if (type === 'boolean')
    return text === '1' || text === 'true' ? true : text === '0' || text === 'false' ? false : undefined;
  if (type === 'date') return text;
  if (type === 'timestamp') return isoMillis(text, bound);
  if (type === 'string') {
    const chars = [...text];
    if (chars.length <= STRING_PREFIX) return text;
    return bound === 'min' ? chars.slice(0, STRING_PREFIX).join('') : undefined;
  }
  return undefined;
}

function isoMillis(text: string, bound: 'min' | 'max'): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(
    text,
  );
  if (!m) return undefined;
  const frac = (m[3] ?? '').padEnd(6, '0');
  const zone = m[4] === undefined || m[4] === 'Z' ? '+00:00' : m[4].length === 3 ? `${m[4]}:00` : m[4];
  let ms = Date.parse(`${m[1]}T${m[2]}.${frac.slice(0, 3)}${zone}`);
  if (Number.isNaN(ms)) return undefined;
  if (bound === 'max' && Number(frac.slice(3)) > 0) ms += 1;
  return new Date(ms).toISOString();
}
