import type { GrowableBytes } from './growable-bytes.js';
import { ThriftCompactWriter } from './thrift-compact.js';

/** Parquet encodings (parquet.thrift `Encoding`). */
export const ENCODING = { PLAIN: 0, RLE: 3, RLE_DICTIONARY: 8 } as const;

/**
 * Appends a v1 data page header (uncompressed, so both sizes are `bodyBytes`) to `out`.
 *
 * @example
 * writeDataPageHeader(page, 1000, 4000, ENCODING.PLAIN);
 */
export function writeDataPageHeader(
  out: GrowableBytes,
  values: number,
  bodyBytes: number,
  encoding: number,
): void {
  const w = new ThriftCompactWriter(out);
  w.i32(1, 0); // DATA_PAGE
  w.i32(2, bodyBytes);
  w.i32(3, bodyBytes);
  w.struct(5);
  w.i32(1, values);
  w.i32(2, encoding);
  w.i32(3, ENCODING.RLE);
  w.i32(4, ENCODING.RLE);
  w.stop();
  w.stop();
}

/**
 * Appends a dictionary page header (PLAIN values, uncompressed) to `out`.
 *
 * @example
 * writeDictionaryPageHeader(page, 12, 180);
 */
export function writeDictionaryPageHeader(out: GrowableBytes, entries: number, bodyBytes: number): void {
  const w = new ThriftCompactWriter(out);
  w.i32(1, 2); // DICTIONARY_PAGE
  w.i32(2, bodyBytes);
  w.i32(3, bodyBytes);
  w.struct(7);
  w.i32(1, entries);
  w.i32(2, ENCODING.PLAIN);
  w.stop();
  w.stop();
}
