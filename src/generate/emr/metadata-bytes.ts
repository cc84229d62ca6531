import type { GrowableBytes } from '../parquet/growable-bytes.js';
import { metadataText } from './event-metadata.js';

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const CHART_HEAD = ascii('{"chart_id": "C');
const NOTE_HEAD = ascii('{"note_id": "N');
const TAIL = ascii('"}');
const CHART = 2;
const NOTE = 4;

/**
 * Writes metadata codes (from drawMetadata) as length-prefixed JSON bytes into a Parquet
 * column: chart and note ids are mostly unique, so they are formatted digit by digit with no
 * string; the finite rest (variants, workstations) is encoded once and copied.
 *
 * @example
 * const meta = new MetadataBytes(roster);
 * meta.writeTo(chunk.values, code);
 */
export class MetadataBytes {
  private readonly cache = new Map<number, Uint8Array>();

  constructor(private readonly roster: readonly { ip: string }[]) {}

  writeTo(out: GrowableBytes, code: number): void {
    const kind = code % 8;
    if (kind === CHART || kind === NOTE) {
      const arg = (code - kind) / 8;
      const head = kind === CHART ? CHART_HEAD : NOTE_HEAD;
      const lengthAt = out.length;
      out.int32(0);
      out.small(head);
      out.decimal(arg);
      out.small(TAIL);
      const n = out.length - lengthAt - 4;
      out.buffer[lengthAt] = n;
      out.buffer[lengthAt + 1] = n >> 8;
      return;
    }
    let bytes = this.cache.get(code);
    if (bytes === undefined) {
      bytes = ascii(metadataText(code, this.roster));
      this.cache.set(code, bytes);
    }
    out.int32(bytes.length);
    out.small(bytes);
  }
}
