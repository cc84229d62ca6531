import { DefinitionLevels } from './definition-levels.js';
import type { ChunkBuilder, EncodedChunk } from './encoded-chunk.js';
import { GrowableBytes } from './growable-bytes.js';
import { ENCODING, writeDataPageHeader } from './page-header.js';
import { type ParquetColumnType, PHYSICAL } from './parquet-column-type.js';

/**
 * The values of one column for the row group being built, PLAIN-encoded as they arrive, with
 * definition levels (every column is OPTIONAL, as in DuckDB's files: a feed may lack any
 * value). `encode` turns it into one uncompressed data page, valid until `clear`. Reused across
 * row groups, so buffers are allocated once.
 *
 * @example
 * const chunk = new ColumnChunk(parquetColumnType('INTEGER'));
 * chunk.int32(7);
 * chunk.nul();
 * const { parts } = chunk.encode();
 * chunk.clear();
 */
export class ColumnChunk implements ChunkBuilder {
  readonly values = new GrowableBytes(1 << 16);
  readonly levels = new DefinitionLevels();
  private readonly head = new GrowableBytes(256);
  // BOOLEAN values are bit-packed, least significant bit first.
  private bits = 0;
  private bitCount = 0;

  constructor(readonly type: ParquetColumnType) {}

  nul(): void {
    this.levels.add(0);
  }

  int32(v: number): void {
    this.levels.add(1);
    this.values.int32(v);
  }

  /** A 64-bit integer column value from a safe JS integer. */
  int64(v: number): void {
    this.levels.add(1);
    this.values.int64(v);
  }

  double(v: number): void {
    this.levels.add(1);
    this.values.double(v);
  }

  bool(v: boolean): void {
    this.levels.add(1);
    if (v) this.bits |= 1 << this.bitCount;
    if (++this.bitCount === 8) {
      this.values.byte(this.bits);
      this.bits = 0;
      this.bitCount = 0;
    }
  }

  /** A string value (Latin-1/ASCII, as all generated text is). */
  text(s: string): void {
    this.levels.add(1);
    const v = this.values;
    v.int32(s.length);
    v.latin1Text(s);
  }

  encode(): EncodedChunk {
    if (this.type.physical === PHYSICAL.BOOLEAN && this.bitCount > 0) {
      this.values.byte(this.bits);
      this.bits = 0;
      this.bitCount = 0;
    }
    const levels = new GrowableBytes(64);
    this.levels.writeTo(levels);
    this.head.reset();
    writeDataPageHeader(this.head, this.levels.count, levels.length + this.values.length, ENCODING.PLAIN);
    this.head.bytes(levels.view());
    return {
      parts: [this.head.view(), this.values.view()],
      dataPageAt: 0,
      encodings: [ENCODING.PLAIN, ENCODING.RLE],
      values: this.levels.count,
      nulls: this.levels.nulls,
    };
  }

  clear(): void {
    this.values.reset();
    this.levels.clear();
  }
}
