import { ApiError } from '../api-error.js';

/** `column=v1,v2`: rows whose column (as text) is one of the values. */
export interface ColumnFilter {
  column: string;
  values: string[];
}

/**
 * Parses one `where` parameter of the rows endpoint against the table's columns. A value list
 * is split on commas; `\,` keeps a comma inside a value. Pure.
 *
 * @example
 * parseColumnFilter('payer=Medicare,Medicaid', ['payer']); // { column: 'payer', values: ['Medicare', 'Medicaid'] }
 */
export function parseColumnFilter(text: string, columns: readonly string[]): ColumnFilter {
  const eq = text.indexOf('=');
  if (eq <= 0)
    throw new ApiError(400, 'bad_parameter', `where: "${text}" is not COLUMN=VALUE[,VALUE…]`, {
      parameter: 'where',
    });
  const column = text.slice(0, eq).trim();
  if (!columns.includes(column))
    throw new ApiError(400, 'bad_parameter', `where: no column "${column}"; columns: ${columns.join(', ')}`, {
      parameter: 'where',
      allowed: columns,
    });
  const values = text
    .slice(eq + 1)
    .split(/(?<!\\),/)
    .map((v) => v.replaceAll('\\,', ','));
  return { column, values };
}
