import type { Json } from '@duckdb/node-api';
import { RawJson, stringifyLosslessJson } from '../../delta/lossless-json.js';
import { isoTimestamp, type ResultColumn } from './result-column.js';
import type { RowWriter, TextSink } from './row-writer.js';

/**
 * A JSON array of row objects, one per line, streamed: integers and decimals are exact JSON
 * numbers (no rounding above 2^53), timestamps ISO 8601 UTC.
 *
 * @example
 * const w = new JsonRowWriter(process.stdout); w.start(cols); w.rows(batch); w.end();
 */
export class JsonRowWriter implements RowWriter {
  private columns: readonly ResultColumn[] = [];
  private first = true;
  constructor(private readonly out: TextSink) {}

  start(columns: readonly ResultColumn[]): void {
    this.columns = columns;
    this.out.write('[');
  }

  rows(batch: readonly (readonly Json[])[]): void {
    let text = '';
    for (const row of batch) {
      const record: Record<string, unknown> = {};
      row.forEach((v, i) => {
        const c = this.columns[i]!;
        record[c.name] = jsonValue(v, c);
      });
      text += `${this.first ? '\n' : ',\n'}${stringifyLosslessJson(record)}`;
      this.first = false;
    }
    this.out.write(text);
  }

  end(): void {
    this.out.write(this.first ? ']\n' : '\n]\n');
  }
}

function jsonValue(value: Json, column: ResultColumn): unknown {
  if (value === null) return null;
  if ((column.kind === 'integer' || column.kind === 'decimal') && typeof value === 'string')
    return new RawJson(value);
  if (column.kind === 'timestamptz') return isoTimestamp(String(value));
  return value;
}
