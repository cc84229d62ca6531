import type { LandingColumn } from '../datasets/landing-schemas.js';
import { ColumnChunk } from '../parquet/column-chunk.js';
import type { DictionaryChunk } from '../parquet/dictionary-chunk.js';

const DAY = 86_400;

/**
 * Appends one landing field, given as its CSV text, to a Parquet column with the column's type:
 * '' is null (as read_csv reads an empty field), timestamps `YYYY-MM-DD HH:MM:SS` in UTC become
 * INT64 micros, dates INT32 days, DECIMAL(12,2) INT64 cents. The same text through CSV and
 * DuckDB gives the same values, so both formats carry identical data, faults included.
 *
 * @example
 * appendLandingText(chunk, 'TIMESTAMPTZ', '2025-03-31 08:00:00');
 */
export function appendLandingText(
  chunk: ColumnChunk | DictionaryChunk,
  type: LandingColumn['type'],
  text: string,
): void {
  if (text === '') {
    chunk.nul();
    return;
  }
  if (type === 'VARCHAR' || !(chunk instanceof ColumnChunk)) {
    chunk.text(text);
    return;
  }
  switch (type) {
    case 'INTEGER':
      chunk.int32(integerOf(text));
      return;
    case 'BOOLEAN':
      chunk.bool(text === 'true');
      return;
    case 'DOUBLE':
      chunk.double(Number(text));
      return;
    case 'DECIMAL(12,2)':
      chunk.int64(centsOf(text));
      return;
    case 'DATE':
      chunk.int32(daysOf(text, 0));
      return;
    case 'TIMESTAMPTZ':
      chunk.int64(secondsOf(text) * 1_000_000);
      return;
  }
}

function integerOf(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n)) throw new Error(`not an integer: ${text}`);
  return n;
}

function centsOf(text: string): number {
  const cents = Math.round(Number(text) * 100);
  if (!Number.isFinite(cents)) throw new Error(`not an amount: ${text}`);
  return cents;
}

// Digits at fixed positions: this runs once per timestamp of every row.
function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw new Error(`not a landing date or timestamp: ${text}`);
    n = n * 10 + d;
  }
  return n;
}

function daysOf(text: string, at: number): number {
  return daysFromCivil(digits(text, at, 4), digits(text, at + 5, 2), digits(text, at + 8, 2));
}

function secondsOf(text: string): number {
  if (text.length !== 19) throw new Error(`not a landing timestamp: ${text}`);
  return daysOf(text, 0) * DAY + digits(text, 11, 2) * 3600 + digits(text, 14, 2) * 60 + digits(text, 17, 2);
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
 *
 * @example
 * daysFromCivil(2025, 3, 31); // 20178
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
