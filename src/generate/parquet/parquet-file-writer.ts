import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import type { EncodedChunk } from './encoded-chunk.js';
import type { ParquetColumnType } from './parquet-column-type.js';
import { ThriftCompactWriter } from './thrift-compact.js';

/** A column of the file's flat schema. */
export interface ParquetColumnSpec {
  name: string;
  type: ParquetColumnType;
}

/** Where a column chunk is and what the footer says of it. */
export interface ChunkMeta {
  offset: number;
  dataPageAt: number;
  encodings: number[];
  size: number;
  values: number;
  nulls: number;
}

/** Where a row group is (offsets from the start of its file or part) and its chunks. */
export interface RowGroupMeta {
  rows: number;
  offset: number;
  size: number;
  chunks: ChunkMeta[];
}

const MAGIC = Buffer.from('PAR1', 'latin1');
/** Bytes copied at a time when a part is appended. */
const COPY_BYTES = 8 << 20;

/**
 * Writes a flat Parquet file row group by row group: each column chunk one uncompressed data
 * page (PLAIN, or dictionary-encoded after its dictionary page), every column OPTIONAL, and the footer (schema, row groups, offsets) at close. Only
 * the footer's few numbers per chunk stay in memory, so a file of any size streams out. The
 * bytes depend only on the rows and how they were grouped, never on timing.
 *
 * @example
 * const file = new ParquetFileWriter('/tmp/x.parquet', [{ name: 'n', type: parquetColumnType('INTEGER') }]);
 * file.writeRowGroup(1, [chunk.encode()]);
 * chunk.clear();
 * file.close();
 */
export class ParquetFileWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly groups: RowGroupMeta[] = [];
  /** Rows written so far. */
  rows = 0;

  /**
   * A `part` is row groups only, no magic or footer: written apart (by another thread, say),
   * then appended to a whole file with appendPart, its offsets shifted; or, with `at` > 0,
   * written in place into an existing whole file from byte `at`, then adopted by it (see
   * adoptPart).
   */
  constructor(
    readonly path: string,
    private readonly columns: readonly ParquetColumnSpec[],
    private readonly part: false | { at: number } = false,
  ) {
    this.fd = openSync(path, part !== false && part.at > 0 ? 'r+' : 'w');
    if (part === false) this.write(MAGIC);
    else this.offset = part.at;
  }

  /** Where a part written in place into this file should start (after the magic). */
  static get HEAD_PART_AT(): number {
    return MAGIC.length;
  }

  /** The row groups written so far (a part's, for appendPart). */
  get rowGroups(): readonly RowGroupMeta[] {
    return this.groups;
  }

  /**
   * Appends the row groups of a part file (same columns) written elsewhere, then deletes it: its
   * bytes are copied as they are, and only the footer's offsets change.
   */
  appendPart(path: string, groups: readonly RowGroupMeta[]): void {
    const shift = this.offset;
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.allocUnsafe(COPY_BYTES);
      for (;;) {
        const n = readSync(fd, buffer, 0, COPY_BYTES, null);
        if (n === 0) break;
        this.write(buffer.subarray(0, n));
      }
    } finally {
      closeSync(fd);
    }
    rmSync(path);
    this.addGroups(groups, shift);
  }

  /**
   * Takes in the row groups of a part another writer wrote in place into this file, from
   * HEAD_PART_AT, before anything else was appended: nothing is copied.
   */
  adoptPart(groups: readonly RowGroupMeta[]): void {
    if (this.offset !== MAGIC.length || this.groups.length > 0)
      throw new Error('only a head part is adopted');
    const last = groups.at(-1);
    if (last !== undefined) this.offset = last.offset + last.size;
    this.addGroups(groups, 0);
  }

  private addGroups(groups: readonly RowGroupMeta[], shift: number): void {
    for (const g of groups) {
      this.groups.push({
        ...g,
        offset: g.offset + shift,
        chunks: g.chunks.map((c) => ({ ...c, offset: c.offset + shift })),
      });
      this.rows += g.rows;
    }
  }

  /** Appends a row group of `rows` rows: one encoded chunk per column, in schema order. */
  writeRowGroup(rows: number, chunks: readonly EncodedChunk[]): void {
    if (rows === 0) return;
    if (chunks.length !== this.columns.length) throw new Error('one chunk per column is needed');
    const group: RowGroupMeta = { rows, offset: this.offset, size: 0, chunks: [] };
    for (const c of chunks) {
      const offset = this.offset;
      for (const part of c.parts) this.write(part);
      group.chunks.push({
        offset,
        dataPageAt: c.dataPageAt,
        encodings: c.encodings,
        size: this.offset - offset,
        values: c.values,
        nulls: c.nulls,
      });
    }
    group.size = this.offset - group.offset;
    this.groups.push(group);
    this.rows += rows;
  }

  /** Bytes written so far. */
  get bytes(): number {
    return this.offset;
  }

  /** Writes the footer (none for a part) and closes the file. */
  close(): void {
    if (this.part !== false) {
      closeSync(this.fd);
      return;
    }
    const footer = this.footer();
    this.write(footer);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(footer.length);
    this.write(length);
    this.write(MAGIC);
    closeSync(this.fd);
  }

  private footer(): Uint8Array {
    const w = new ThriftCompactWriter();
    w.i32(1, 1); // version
    w.list(2, 12, this.columns.length + 1);
    w.element();
    w.string(4, 'schema');
    w.i32(5, this.columns.length);
    w.stop();
    for (const c of this.columns) {
      w.element();
      w.i32(1, c.type.physical);
      w.i32(3, 1); // OPTIONAL
      w.string(4, c.name);
      if (c.type.converted !== undefined) w.i32(6, c.type.converted);
      if (c.type.scale !== undefined) w.i32(7, c.type.scale);
      if (c.type.precision !== undefined) w.i32(8, c.type.precision);
      c.type.logical?.(w);
      w.stop();
    }
    w.i64(3, this.rows);
    w.list(4, 12, this.groups.length);
    for (const g of this.groups) {
      w.element();
      w.list(1, 12, g.chunks.length);
      for (let i = 0; i < g.chunks.length; i++) this.columnChunk(w, this.columns[i]!, g.chunks[i]!);
      w.i64(2, g.size);
      w.i64(3, g.rows);
      w.i64(5, g.offset);
      w.i64(6, g.size);
      w.stop();
    }
    w.string(6, 'carelake generate');
    w.stop();
    return w.out.view();
  }

  private columnChunk(w: ThriftCompactWriter, column: ParquetColumnSpec, chunk: ChunkMeta): void {
    w.element();
    w.i64(2, chunk.offset);
    w.struct(3);
    w.i32(1, column.type.physical);
    w.list(2, 5, chunk.encodings.length);
    for (const e of chunk.encodings) w.i32Value(e);
    w.list(3, 8, 1);
    w.binaryValue(column.name);
    w.i32(4, 0); // UNCOMPRESSED
    w.i64(5, chunk.values);
    w.i64(6, chunk.size);
    w.i64(7, chunk.size);
    w.i64(9, chunk.offset + chunk.dataPageAt);
    if (chunk.dataPageAt > 0) w.i64(11, chunk.offset);
    w.struct(12);
    w.i64(3, chunk.nulls);
    w.stop();
    w.stop();
    w.stop();
  }

  // At explicit positions: a part written in place shares the file with another descriptor.
  private write(bytes: Uint8Array): void {
    let done = 0;
    while (done < bytes.length) {
      done += writeSync(this.fd, bytes, done, bytes.length - done, this.offset + done);
    }
    this.offset += bytes.length;
  }
}
