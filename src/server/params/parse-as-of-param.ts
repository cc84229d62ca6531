import { ApiError } from '../api-error.js';

/**
 * The `asOf` query parameter: an ISO 8601 instant at which every table is read (Delta time
 * travel for the whole page). Pure.
 *
 * @example
 * parseAsOfParam('2026-12-01T00:00:00Z'); // Date
 */
export function parseAsOfParam(text: string | undefined): Date | undefined {
  if (text === undefined || text === '') return undefined;
  const ok = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(text);
  const date = new Date(text.length === 10 ? `${text}T23:59:59.999Z` : text);
  if (!ok || Number.isNaN(date.getTime()))
    throw new ApiError(
      400,
      'bad_parameter',
      `asOf: "${text}" is not an ISO 8601 date or time, e.g. 2026-12-01T08:00:00Z`,
      {
        parameter: 'asOf',
      },
    );
  return date;
}
