import { MeasureError } from './measure-error.js';

/**
 * Checks that `text` is a real calendar day written YYYY-MM-DD (2025-02-30 is refused) and
 * returns it; `option` names where it came from in the error. Pure.
 *
 * @example
 * checkIsoDate('2025-02-01', 'from'); // '2025-02-01'
 */
export function checkIsoDate(text: string, option: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const day = match
    ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
    : undefined;
  if (day === undefined || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text) {
    throw new MeasureError(
      'bad-date',
      text,
      [],
      `--${option} "${text}" is not a calendar date; write it as YYYY-MM-DD, e.g. 2025-02-01`,
    );
  }
  return text;
}
