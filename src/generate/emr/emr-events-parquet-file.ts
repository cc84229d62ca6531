import { LANDING_DATASETS } from '../datasets/landing-schemas.js';
import { ROWS_PER_GROUP } from '../output/parquet-dataset-file.js';
import { SequentialIdBytes } from '../output/sequential-id-bytes.js';
import { ColumnChunk } from '../parquet/column-chunk.js';
import { DictionaryChunk } from '../parquet/dictionary-chunk.js';
import { parquetColumnType } from '../parquet/parquet-column-type.js';
import { ParquetFileWriter } from '../parquet/parquet-file-writer.js';
import { putInt32 } from '../parquet/put-int32.js';
import { putMicros } from '../parquet/put-micros.js';
import type { Clinician } from './clinician.js';
import type { EventBatch } from './event-batch.js';
import { metadataText, NUMBERED_SUFFIX, numberedMetadataPrefix } from './event-metadata.js';
import { EVENT_TYPES } from './event-types.js';

/**
 * emr_events.parquet written straight from event columns, the fast path of a clean Parquet run:
 * ids from a byte counter, times as INT64 micros, and event type, patient and metadata
 * dictionary-encoded by code or reference (the metadata text is built once per distinct value
 * and row group), so no text is built or parsed per event. Same
 * schema, values and row groups as the text path (ParquetDatasetFile).
 *
 * @example
 * const file = new EmrEventsParquetFile('/tmp/emr_events.parquet', roster);
 * file.write(events, order, 0, order.length);
 * file.close();
 */
export class EmrEventsParquetFile {
  private readonly writer: ParquetFileWriter;
  private readonly ids = new SequentialIdBytes('EVT', 10, 0);
  private readonly id: ColumnChunk;
  private readonly clinician: ColumnChunk;
  private readonly time: ColumnChunk;
  private readonly type = new DictionaryChunk();
  private readonly patient = new DictionaryChunk();
  // Keys of variants and workstations (and charts of small runs) fit the lookup table.
  private readonly metadata = new DictionaryChunk(1 << 20);
  private readonly clinicianIds: Int32Array;
  private pending = 0;
  // Dictionary id of each slot of `slotTable` in the current row group, -1 until looked up.
  private slotIds = new Int32Array(0);
  private slotTable: readonly string[] | undefined;
  rows = 0;

  constructor(
    readonly path: string,
    private readonly roster: readonly Clinician[],
    private readonly rowsPerGroup = ROWS_PER_GROUP,
  ) {
    const columns = LANDING_DATASETS.emr_events.columns.map((c) => ({
      name: c.name,
      type: parquetColumnType(c.type),
    }));
    this.writer = new ParquetFileWriter(path, columns);
    this.id = new ColumnChunk(columns[0]!.type);
    this.clinician = new ColumnChunk(columns[1]!.type);
    this.time = new ColumnChunk(columns[2]!.type);
    this.clinicianIds = Int32Array.from(roster, (c) => c.id);
  }

  /** Writes events `order[from]` … `order[to - 1]` of `events` (`from` … `to - 1` without an order). */
  write(
    events: Omit<EventBatch, 'length' | 'from'>,
    order: Int32Array | undefined,
    from: number,
    to: number,
  ): void {
    for (let k = from; k < to; ) {
      const n = Math.min(to - k, this.rowsPerGroup - this.pending);
      this.writeRun(events, order, k, k + n);
      this.pending += n;
      if (this.pending === this.rowsPerGroup) this.flush();
      k += n;
    }
    this.rows += to - from;
  }

  // Events of one row group, a column at a time: tight loops over reused buffers, levels added
  // once per run for the columns that are never null. One method per column: each loop is
  // compiled on its own, where one method holding all six had the optimizing compiler redo the
  // whole of it for each loop it first reached (nine compilations per run, measured).
  private writeRun(
    events: Omit<EventBatch, 'length' | 'from'>,
    order: Int32Array | undefined,
    from: number,
    to: number,
  ): void {
    const n = to - from;
    this.id.levels.addPresent(n);
    this.ids.writeMany(this.id.values, n);
    this.writeClinicians(events.clinician, order, from, to);
    this.writeTimes(events.ts, order, from, to);
    this.writeTypes(events.type, order, from, to);
    this.writePatients(events.patient, events.table, order, from, to);
    this.writeMetadata(events.metadata, order, from, to);
  }

  private writeClinicians(
    clinician: Int32Array,
    order: Int32Array | undefined,
    from: number,
    to: number,
  ): void {
    this.clinician.levels.addPresent(to - from);
    const cv = this.clinician.values;
    cv.ensure(4 * (to - from));
    const b = cv.buffer;
    let p = cv.length;
    for (let k = from; k < to; k++) {
      putInt32(b, p, this.clinicianIds[clinician[order === undefined ? k : order[k]!]!]!);
      p += 4;
    }
    cv.length = p;
  }

  private writeTimes(ts: Float64Array, order: Int32Array | undefined, from: number, to: number): void {
    this.time.levels.addPresent(to - from);
    const tv = this.time.values;
    tv.ensure(8 * (to - from));
    const b = tv.buffer;
    let p = tv.length;
    for (let k = from; k < to; k++) {
      putMicros(b, p, ts[order === undefined ? k : order[k]!]!);
      p += 8;
    }
    tv.length = p;
  }

  private writeTypes(type: Uint8Array, order: Int32Array | undefined, from: number, to: number): void {
    this.type.levels.addPresent(to - from);
    for (let k = from; k < to; k++) {
      const code = type[order === undefined ? k : order[k]!]!;
      let id = this.type.keyId(code);
      if (id < 0) id = this.type.addKey(code, EVENT_TYPES[code]!);
      this.type.idOnly(id);
    }
  }

  // A patient is a census slot: its pseudonym is looked up once per slot, batch and row group.
  private writePatients(
    patient: Int32Array,
    table: readonly string[],
    order: Int32Array | undefined,
    from: number,
    to: number,
  ): void {
    if (table !== this.slotTable) this.resetSlots(table);
    for (let k = from; k < to; k++) {
      const who = patient[order === undefined ? k : order[k]!]!;
      if (who < 0) {
        this.patient.nul();
        continue;
      }
      let id = this.slotIds[who]!;
      if (id < 0) {
        id = this.patient.idOf(table[who]!);
        this.slotIds[who] = id;
      }
      this.patient.pushId(id);
    }
  }

  private writeMetadata(
    metadata: Float64Array,
    order: Int32Array | undefined,
    from: number,
    to: number,
  ): void {
    this.metadata.levels.addPresent(to - from);
    for (let k = from; k < to; k++) {
      const meta = metadata[order === undefined ? k : order[k]!]!;
      let id = this.metadata.keyId(meta);
      if (id < 0) {
        const prefix = numberedMetadataPrefix(meta);
        id =
          prefix === undefined
            ? this.metadata.addKey(meta, metadataText(meta, this.roster))
            : this.metadata.addKeyNumbered(meta, prefix, Math.floor(meta / 8), NUMBERED_SUFFIX);
      }
      this.metadata.idOnly(id);
    }
  }

  close(): void {
    this.flush();
    this.writer.close();
  }

  private flush(): void {
    if (this.pending === 0) return;
    const chunks = [this.id, this.clinician, this.time, this.type, this.patient, this.metadata];
    this.writer.writeRowGroup(
      this.pending,
      chunks.map((c) => c.encode()),
    );
    for (const c of chunks) c.clear();
    this.pending = 0;
    this.slotIds.fill(-1);
  }

  private resetSlots(table: readonly string[]): void {
    this.slotTable = table;
    if (this.slotIds.length < table.length) this.slotIds = new Int32Array(table.length * 2);
    this.slotIds.fill(-1);
  }
}
