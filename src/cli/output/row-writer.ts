import type { Json } from '@duckdb/node-api';
import type { ResultColumn } from './result-column.js';

/** Streams a query result in one output format, batch by batch. */
export interface RowWriter {
  start(columns: readonly ResultColumn[]): void;
  /** A batch of rows as node-api's JSON-safe values. */
  rows(batch: readonly (readonly Json[])[]): void;
  end(): void;
}

/** A sink for text (a stream or a buffer in tests). */
export interface TextSink {
  write(chunk: string): unknown;
}
