import { CsvRowWriter } from '../cli/output/csv-row-writer.js';
import type { QueryResult } from './data/read-result.js';

/**
 * A result as RFC 4180 CSV with a header row, exactly as `carelake sql --format csv` writes it.
 *
 * @example
 * csvText({ columns: [{ name: 'n', kind: 'integer' }], rows: [[1]] }); // 'n\n1\n'
 */
export function csvText(result: QueryResult): string {
  let text = '';
  const writer = new CsvRowWriter({ write: (chunk: string) => (text += chunk) });
  writer.start(result.columns);
  writer.rows(result.rows);
  writer.end();
  return text;
}
