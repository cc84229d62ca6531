import { GrowableBytes } from './growable-bytes.js';
import { type ParquetColumnType, PHYSICAL } from './parquet-column-type.js';
import { ThriftCompactWriter } from './thrift-compact.js';

/**
 * One column of one row group, encoded as one data page: the page header with the definition
 * levels, then the values (kept apart so the values are written out without another copy), and
 * what the footer says about them.
 */
export interface EncodedChunk {
  head: Uint8Array;
  body: Uint8Array;
  values: number;
  nulls: number;
}

/**
 * The values of one column for the row group being built, PLAIN-encoded as they arrive, with
 * definition levels kept as runs (every column is OPTIONAL, as in DuckDB's files: a feed may
 * lack any value). `encode` turns it into one uncompressed data page, valid until `clear`.
 * Reused across row groups, so buffers are allocated once.
 *
 * @example
 * const chunk = new ColumnChunk(parquetColumnType('INTEGER'));
 * chunk.int32(7);
 * chunk.nul();
 * const { head, body } = chunk.encode();
 * chunk.clear();
 */
export class ColumnChunk {
  readonly values = new GrowableBytes(1 << 16);
  private readonly page = new GrowableBytes(1 << 16);
  private runs: number[] = [];
  private level = 1;
  private run = 0;
  count = 0;
  nulls = 0;
  // BOOLEAN values are bit-packed, least significant bit first.
  private bits = 0;
  private bitCount = 0;

  constructor(readonly type: ParquetColumnType) {}

  nul(): void {
    this.def(0);
    this.nulls++;
  }

  int32(v: number): void {
    this.def(1);
    this.values.int32(v);
  }

  /** A 64-bit integer column value from a safe JS integer. */
  int64(v: number): void {
    this.def(1);
    this.values.int64(v);
  }

  double(v: number): void {
    this.def(1);
    this.values.double(v);
  }

  bool(v: boolean): void {
    this.def(1);
    if (v) this.bits |= 1 << this.bitCount;
    if (++this.bitCount === 8) {
      this.values.byte(this.bits);
      this.bits = 0;
      this.bitCount = 0;
    }
  }

  /** A string value (Latin-1/ASCII, as all generated text is). */
  text(s: string): void {
    this.def(1);
    const v = this.values;
    v.ensure(4 + s.length);
    const at = v.length;
    v.length += 4;
    v.latin1Text(s);
    v.buffer.writeUInt32LE(v.length - at - 4, at);
  }

  /** A string value already encoded as bytes. */
  raw(b: Uint8Array): void {
    this.def(1);
    this.values.int32(b.length);
    this.values.bytes(b);
  }

  /** Records that the next value is present (1) or null (0), for callers that write values directly. */
  def(level: number): void {
    this.count++;
    if (level === this.level) this.run++;
    else {
      if (this.run > 0) this.runs.push(this.run, this.level);
      this.level = level;
      this.run = 1;
    }
  }

  /** The column as one data page (header + definition levels, then values). */
  encode(): EncodedChunk {
    if (this.type.physical === PHYSICAL.BOOLEAN && this.bitCount > 0) {
      this.values.byte(this.bits);
      this.bits = 0;
      this.bitCount = 0;
    }
    if (this.run > 0) this.runs.push(this.run, this.level);
    // Definition levels: RLE runs of bit width 1 (header = count << 1, then the level in one byte),
    // prefixed with their byte length.
    const levels = new GrowableBytes(16 + this.runs.length * 3);
    for (let i = 0; i < this.runs.length; i += 2) {
      levels.varint(this.runs[i]! * 2);
      levels.byte(this.runs[i + 1]!);
    }
    const body = 4 + levels.length + this.values.length;
    const header = new ThriftCompactWriter(this.page);
    this.page.reset();
    header.i32(1, 0); // DATA_PAGE
    header.i32(2, body);
    header.i32(3, body);
    header.struct(5);
    header.i32(1, this.count);
    header.i32(2, 0); // PLAIN
    header.i32(3, 3); // RLE
    header.i32(4, 3); // RLE
    header.stop();
    header.stop();
    this.page.int32(levels.length);
    this.page.bytes(levels.view());
    return { head: this.page.view(), body: this.values.view(), values: this.count, nulls: this.nulls };
  }

  /** Empties the column for the next row group. */
  clear(): void {
    this.values.reset();
    this.page.reset();
    this.runs = [];
    this.level = 1;
    this.run = 0;
    this.count = 0;
    this.nulls = 0;
  }
}
