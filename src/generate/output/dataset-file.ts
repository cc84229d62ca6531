import type { LandingFile } from './landing-file.js';
import { TextFileSink } from './text-file-sink.js';

/**
 * A landing CSV being written: the header, then one comma-joined line per row. Generated values
 * never contain commas, quotes or newlines, so no quoting is needed (the seed sample's style).
 *
 * @example
 * const file = new DatasetFile('/tmp/claims.csv', ['claim_id', 'encounter_id']);
 * file.row(['CLM0000000001', 'ENC0000000001']); // 0
 * file.close();
 */
export class DatasetFile implements LandingFile {
  private readonly sink: TextFileSink;
  /** Data rows written so far (header excluded). */
  rows = 0;

  constructor(
    readonly path: string,
    header: readonly string[],
    bufferBytes?: number,
  ) {
    this.sink = new TextFileSink(path, bufferBytes);
    this.sink.line(header.join(','));
  }

  /** Writes one row and returns its 0-based index. */
  row(fields: readonly string[]): number {
    // Concatenation beats Array#join here: V8 builds a rope the sink copies out in one pass.
    let line = fields[0] ?? '';
    for (let i = 1; i < fields.length; i++) line += ',' + fields[i];
    this.sink.line(line);
    return this.rows++;
  }

  get bytes(): number {
    return this.sink.bytes;
  }

  close(): void {
    this.sink.close();
  }
}
