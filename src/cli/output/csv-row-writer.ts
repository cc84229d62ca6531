import type { Json } from '@duckdb/node-api';
import { cellText } from './cell-text.js';
import type { ResultColumn } from './result-column.js';
import type { RowWriter, TextSink } from './row-writer.js';

/**
 * RFC 4180 CSV with a header; NULL is an empty field, timestamps ISO 8601 UTC.
 *
 * @example
 * const w = new CsvRowWriter(process.stdout); w.start(cols); w.rows(batch); w.end();
 */
export class CsvRowWriter implements RowWriter {
  private columns: readonly ResultColumn[] = [];
  constructor(private readonly out: TextSink) {}

  start(columns: readonly ResultColumn[]): void {
    this.columns = columns;
    this.out.write(`${columns.map((c) => quote(c.name)).join(',')}\n`);
  }

  rows(batch: readonly (readonly Json[])[]): void {
    let text = '';
    for (const row of batch) {
      text += `${row.map((v, i) => (v === null ? '' : quote(cellText(v, this.columns[i]!, 'iso')))).join(',')}\n`;
    }
    this.out.write(text);
  }

  end(): void {}
}

function quote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
