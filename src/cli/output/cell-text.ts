import type { Json } from '@duckdb/node-api';
import { isoTimestamp, type ResultColumn } from './result-column.js';

/**
 * The text of one non-null value: nested values as compact JSON, timestamps either as DuckDB
 * prints them ('display') or ISO 8601 UTC ('iso').
 *
 * @example
 * cellText('2025-03-31 08:00:00+00', { name: 'ts', kind: 'timestamptz' }, 'iso'); // '2025-03-31T08:00:00Z'
 */
export function cellText(value: Json, column: ResultColumn, style: 'display' | 'iso'): string {
  if (column.kind === 'nested') return JSON.stringify(value);
  if (column.kind === 'timestamptz' && style === 'iso') return isoTimestamp(String(value));
  return String(value);
}
