import { GrowableBytes } from './growable-bytes.js';

/** Thrift compact-protocol type codes used by Parquet's metadata. */
export const T = {
  TRUE: 1,
  FALSE: 2,
  I32: 5,
  I64: 6,
  BINARY: 8,
  LIST: 9,
  STRUCT: 12,
} as const;

/**
 * Writes Thrift compact-protocol structs, the encoding of Parquet's page headers and footer.
 * Fields must be written in increasing id order within a struct (the protocol stores deltas).
 *
 * @example
 * const w = new ThriftCompactWriter();
 * w.i32(1, 0); // field 1 = 0
 * w.stop();
 */
export class ThriftCompactWriter {
  readonly out: GrowableBytes;
  private last = 0;
  private readonly stack: number[] = [];

  constructor(out = new GrowableBytes(1024)) {
    this.out = out;
  }

  i32(id: number, v: number): void {
    this.header(id, T.I32);
    this.zigzag(v);
  }

  i64(id: number, v: number): void {
    this.header(id, T.I64);
    this.zigzag(v);
  }

  bool(id: number, v: boolean): void {
    this.header(id, v ? T.TRUE : T.FALSE);
  }

  string(id: number, text: string): void {
    this.header(id, T.BINARY);
    this.binaryValue(text);
  }

  /** Opens a struct-typed field; close it with `stop()`. */
  struct(id: number): void {
    this.header(id, T.STRUCT);
    this.stack.push(this.last);
    this.last = 0;
  }

  /** Opens a list field of `size` elements of `type`. */
  list(id: number, type: number, size: number): void {
    this.header(id, T.LIST);
    this.listHeader(type, size);
  }

  /** Starts a struct that is a list element; close it with `stop()`. */
  element(): void {
    this.stack.push(this.last);
    this.last = 0;
  }

  i32Value(v: number): void {
    this.zigzag(v);
  }

  binaryValue(text: string): void {
    this.out.varint(Buffer.byteLength(text, 'utf8'));
    this.out.bytes(Buffer.from(text, 'utf8'));
  }

  /** Ends the current struct (or the top-level one). */
  stop(): void {
    this.out.byte(0);
    this.last = this.stack.pop() ?? 0;
  }

  private listHeader(type: number, size: number): void {
    if (size < 15) this.out.byte((size << 4) | type);
    else {
      this.out.byte(0xf0 | type);
      this.out.varint(size);
    }
  }

  private header(id: number, type: number): void {
    const delta = id - this.last;
    if (delta > 0 && delta <= 15) this.out.byte((delta << 4) | type);
    else {
      this.out.byte(type);
      this.zigzag(id);
    }
    this.last = id;
  }

  private zigzag(v: number): void {
    // Safe-integer zigzag without 32-bit overflow: 2v for v >= 0, -2v - 1 for v < 0.
    this.out.varint(v >= 0 ? 2 * v : -2 * v - 1);
  }
}
