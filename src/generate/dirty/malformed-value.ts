import type { Rng } from '../random/rng.js';

const CSV_TIMESTAMPS = [
  '2025-13-45 25:61:00',
  '31/03/2025 08:00',
  'not a date',
  '2025-03-31T08:00',
  '0000-00-00 00:00:00',
];
const CSV_DATES = ['2025-02-30', '03/31/2025', 'N/A', '20250331'];
const PARQUET_TIMESTAMPS = ['1970-01-01 00:00:00', '2099-12-31 23:59:59'];
const PARQUET_DATES = ['1970-01-01', '2099-12-31'];

/**
 * A broken value for a timestamp or date column: unparseable text in CSV; in Parquet, whose
 * columns are typed, the implausible instants broken feeds default to.
 *
 * @example
 * malformedValue(rng, 'TIMESTAMPTZ', 'csv'); // '31/03/2025 08:00'
 */
export function malformedValue(rng: Rng, type: string, format: 'csv' | 'parquet'): string {
  const date = type === 'DATE';
  const pool =
    format === 'csv' ? (date ? CSV_DATES : CSV_TIMESTAMPS) : date ? PARQUET_DATES : PARQUET_TIMESTAMPS;
  return pool[rng.int(pool.length)]!;
}
