import type { LandingDataset } from '../datasets/landing-schemas.js';
import { ColumnChunk } from '../parquet/column-chunk.js';
import { DictionaryChunk } from '../parquet/dictionary-chunk.js';
import { parquetColumnType } from '../parquet/parquet-column-type.js';
import { ParquetFileWriter, type RowGroupMeta } from '../parquet/parquet-file-writer.js';
import { putInt32 } from '../parquet/put-int32.js';
import { putMicros } from '../parquet/put-micros.js';
import type { LandingFile } from './landing-file.js';
import { appendLandingText } from './landing-text-value.js';
import { SequentialIdBytes } from './sequential-id-bytes.js';

/**
 * Rows per row group: DuckDB's own default, so readers parallelise over row groups as they did
 * over DuckDB-written files. A fixed row count (never a byte budget) keeps the bytes independent
 * of buffer sizes and threads.
 */
export const ROWS_PER_GROUP = 122_880;

/**
 * A landing dataset written straight to Parquet with the landing schema's types, one row group
 * at a time (memory is one row group, whatever the file size). Takes the same text fields as
 * the CSV file, so fault injection works unchanged on both formats.
 *
 * @example
 * const file = new ParquetDatasetFile('/tmp/claims.parquet', LANDING_DATASETS.claims);
 * file.row(['CLM0000000001', 'ENC0000000001', 'Medicare', '99223', '', '10.00', '', '', '', '2025-03-01']);
 * file.close();
 */
export class ParquetDatasetFile implements LandingFile {
  private readonly writer: ParquetFileWriter;
  private readonly chunks: (ColumnChunk | DictionaryChunk)[];
  // The same chunks where they take typed values (undefined for dictionary-encoded text).
  private readonly plain: (ColumnChunk | undefined)[];
  private readonly types: LandingDataset['columns'][number]['type'][];
  // Per column: the id counter of `sequentialId` and the seq it writes next.
  private readonly ids: (SequentialIdBytes | undefined)[] = [];
  private readonly nextIdSeq: number[] = [];
  private pending = 0;
  rows = 0;

  /** A `part` is row groups only, for appendPart or adoptPart (see ParquetFileWriter). */
  constructor(
    readonly path: string,
    private readonly dataset: LandingDataset,
    private readonly rowsPerGroup = ROWS_PER_GROUP,
    part: false | { at: number } = false,
  ) {
    const columns = dataset.columns.map((c) => ({ name: c.name, type: parquetColumnType(c.type) }));
    this.writer = new ParquetFileWriter(path, columns, part);
    // Only code columns repeat enough for a dictionary; ids and pseudonyms are nearly unique.
    this.chunks = dataset.columns.map((c, i) =>
      c.few ? new DictionaryChunk() : new ColumnChunk(columns[i]!.type),
    );
    this.types = dataset.columns.map((c) => c.type);
    this.plain = this.chunks.map((c) => (c instanceof ColumnChunk ? c : undefined));
  }

  row(fields: readonly string[]): number {
    if (fields.length !== this.chunks.length) {
      throw new Error(
        `${this.dataset.name}: a Parquet row needs ${this.chunks.length} fields, got ${fields.length}`,
      );
    }
    for (let i = 0; i < fields.length; i++) appendLandingText(this.chunks[i]!, this.types[i]!, fields[i]!);
    return this.endRow();
  }

  // Typed values for column `i` of the current row, then `endRow()`: the fast path of a clean
  // run, with no text formatted and parsed again (see writeAdmission, writeClaim).

  /** Text, or null for ''. */
  text(i: number, s: string): void {
    if (s === '') this.chunks[i]!.nul();
    else this.chunks[i]!.text(s);
  }

  /**
   * Text `n` bytes long at `at` in `source` (ASCII), copied with no string built: for values a
   * writer keeps as bytes (pseudonyms, masked SSNs).
   */
  textBytes(i: number, source: Uint8Array, at: number, n: number): void {
    const chunk = this.plain[i]!;
    chunk.levels.add(1);
    const out = chunk.values;
    out.ensure(4 + n);
    out.int32(n);
    const b = out.buffer;
    let to = out.length;
    for (let k = 0; k < n; k++) b[to++] = source[at + k]!;
    out.length = to;
  }

  /**
   * A dictionary-encoded text known by the small number `key` (a code), `texts[key]`: a table
   * read per row where a string key costs a hash lookup.
   */
  code(i: number, key: number, texts: readonly string[]): void {
    const chunk = this.chunks[i] as DictionaryChunk;
    if (!chunk.refer(key)) chunk.define(key, texts[key]!);
  }

  nul(i: number): void {
    this.chunks[i]!.nul();
  }

  /**
   * Column `i` (dictionary-encoded) of the next `to - from` rows: the texts of codes
   * `codes[from .. to)`, each added to the dictionary by its code the first time it appears.
   */
  codeRun(
    i: number,
    codes: Uint8Array | Int32Array,
    from: number,
    to: number,
    texts: readonly string[],
  ): void {
    const chunk = this.chunks[i] as DictionaryChunk;
    // One definition-level run for them all, then ids only.
    chunk.levels.addPresent(to - from);
    for (let k = from; k < to; k++) {
      const key = codes[k]!;
      let id = chunk.keyId(key);
      if (id < 0) id = chunk.addKey(key, texts[key]!);
      chunk.idOnly(id);
    }
  }

  /** Column `i` of the next `to - from` rows: `flags[from .. to)` (1 is true), none null. */
  boolRun(i: number, flags: Uint8Array, from: number, to: number): void {
    const chunk = this.plain[i]!;
    for (let k = from; k < to; k++) chunk.bool(flags[k] === 1);
  }

  /** Column `i` of the next `to - from` rows: the epoch seconds `v[from .. to)`, NaN for null. */
  optionalSecondsRun(i: number, v: Float64Array, from: number, to: number): void {
    const chunk = this.plain[i]!;
    for (let k = from; k < to; k++) {
      const t = v[k]!;
      if (Number.isNaN(t)) chunk.nul();
      else chunk.int64(t * 1_000_000);
    }
  }

  /**
   * Column `i` of the next `to - from` rows: the sequential ids of `seqs[from .. to)` (see
   * sequentialId).
   */
  sequentialIdRun(
    i: number,
    prefix: string,
    digits: number,
    seqs: Float64Array,
    from: number,
    to: number,
  ): void {
    for (let k = from; k < to; k++) this.sequentialId(i, prefix, digits, seqs[k]!);
  }

  /**
   * The sequential id `prefix` + (seq + 1) in `digits` digits, the text RecordIds formats, written
   * as bytes with no string built: a counter incremented in place while seq follows on from the
   * previous call, restarted otherwise.
   */
  sequentialId(i: number, prefix: string, digits: number, seq: number): void {
    let ids = this.ids[i];
    if (ids === undefined || this.nextIdSeq[i] !== seq) {
      ids = new SequentialIdBytes(prefix, digits, seq);
      this.ids[i] = ids;
    }
    this.nextIdSeq[i] = seq + 1;
    const chunk = this.plain[i]!;
    chunk.levels.add(1);
    ids.writeNext(chunk.values);
  }

  int32(i: number, v: number): void {
    this.plain[i]!.int32(v);
  }

  /**
   * Column `i` of the next `to - from` rows: `v[from .. to)`, none null. One definition-level
   * run and one capacity check for them all (see writeAdmissions).
   */
  int32Run(i: number, v: Int32Array, from: number, to: number): void {
    const chunk = this.plain[i]!;
    chunk.levels.addPresent(to - from);
    const out = chunk.values;
    out.ensure(4 * (to - from));
    const b = out.buffer;
    let at = out.length;
    for (let k = from; k < to; k++) {
      putInt32(b, at, v[k]!);
      at += 4;
    }
    out.length = at;
  }

  /** TIMESTAMPTZ column `i` of the next `to - from` rows, from epoch seconds `v[from .. to)`. */
  secondsRun(i: number, v: Float64Array, from: number, to: number): void {
    const chunk = this.plain[i]!;
    chunk.levels.addPresent(to - from);
    const out = chunk.values;
    out.ensure(8 * (to - from));
    const b = out.buffer;
    let at = out.length;
    for (let k = from; k < to; k++) {
      putMicros(b, at, v[k]!);
      at += 8;
    }
    out.length = at;
  }

  /** A TIMESTAMPTZ from epoch seconds. */
  seconds(i: number, v: number): void {
    this.plain[i]!.int64(v * 1_000_000);
  }

  /** A DECIMAL(12,2) from cents. */
  cents(i: number, v: number): void {
    this.plain[i]!.int64(v);
  }

  bool(i: number, v: boolean): void {
    this.plain[i]!.bool(v);
  }

  double(i: number, v: number): void {
    this.plain[i]!.double(v);
  }

  /** Rows the current row group still takes (rows written column by column must fit). */
  get roomInGroup(): number {
    return this.rowsPerGroup - this.pending;
  }

  /** Ends `n` rows written column by column with the typed methods (at most roomInGroup). */
  endRows(n: number): void {
    if (n > this.rowsPerGroup - this.pending) throw new Error('rows written past the end of a row group');
    this.pending += n;
    this.rows += n;
    if (this.pending === this.rowsPerGroup) this.flush();
  }

  /** Ends a row written with the typed methods; returns its 0-based index. */
  endRow(): number {
    if (++this.pending === this.rowsPerGroup) this.flush();
    return this.rows++;
  }

  /** Ends the current row group early (a boundary that must not depend on how rows were split). */
  endRowGroup(): void {
    this.flush();
  }

  /** The row groups written so far (a part's, for appendPart). */
  get rowGroups(): readonly RowGroupMeta[] {
    return this.writer.rowGroups;
  }

  /** Takes in the row groups of a head part written in place into this file (no copy). */
  adoptPart(groups: readonly RowGroupMeta[]): void {
    this.flush();
    this.writer.adoptPart(groups);
    for (const g of groups) this.rows += g.rows;
  }

  /** Appends a part file of this dataset written elsewhere, and deletes it. */
  appendPart(path: string, groups: readonly RowGroupMeta[]): void {
    this.flush();
    this.writer.appendPart(path, groups);
    for (const g of groups) this.rows += g.rows;
  }

  close(): void {
    this.flush();
    this.writer.close();
  }

  private flush(): void {
    if (this.pending === 0) return;
    this.writer.writeRowGroup(
      this.pending,
      this.chunks.map((c) => c.encode()),
    );
    for (const c of this.chunks) c.clear();
    this.pending = 0;
  }
}
