import { MeasureError } from './measure-error.js';
import type { MeasureFilter } from './measure-types.js';

const SYNTAX = ['DIM=VALUE', 'DIM=V1,V2', 'DIM in (V1,V2)'];

/**
 * Parses one `--where` filter: `dim=value` (eq), `dim=v1,v2` or `dim in (v1,v2)` (in). Values are
 * trimmed and kept as text (they are bound as parameters later); the dimension is checked by the
 * compiler. Malformed text is a MeasureError naming it. Pure.
 *
 * @example
 * parseFilter('drg_code=291'); // { dimension: 'drg_code', op: 'eq', values: ['291'] }
 * parseFilter('payer in (Medicare, Medicaid)'); // { dimension: 'payer', op: 'in', values: ['Medicare', 'Medicaid'] }
 */
export function parseFilter(text: string): MeasureFilter {
  const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:=(.*)|\s+in\s*\((.*)\)\s*)$/is.exec(text);
  if (match === null) throw malformed(text, 'expected a dimension name, then = or in (…)');
  const dimension = match[1]!.toLowerCase();
  const list = match[2] ?? match[3]!;
  const values = list.split(',').map((v) => v.trim());
  if (values.some((v) => v === '')) throw malformed(text, 'a value is empty');
  const op = match[3] === undefined && values.length === 1 ? 'eq' : 'in';
  return { dimension, op, values: [...new Set(values)] };
}

function malformed(text: string, why: string): MeasureError {
  return new MeasureError('bad-filter', text, SYNTAX, `filter "${text}" is malformed (${why})`);
}
