import type { GrowableBytes } from '../parquet/growable-bytes.js';

/**
 * Sequential record ids ('EVT0000000001', …) written straight into a Parquet BYTE_ARRAY column
 * as length-prefixed ASCII, with a decimal counter incremented in place: no string is built per
 * row. The text equals RecordIds' for the same prefix and width.
 *
 * @example
 * const ids = new SequentialIdBytes('EVT', 10, 0);
 * ids.writeNext(chunk.values); // 'EVT0000000001'
 */
export class SequentialIdBytes {
  private readonly text: Uint8Array;
  private readonly first: number;

  constructor(prefix: string, digits: number, firstSeq: number) {
    const id = prefix + String(firstSeq + 1).padStart(digits, '0');
    this.text = Uint8Array.from(id, (c) => c.charCodeAt(0));
    this.first = prefix.length;
  }

  /** Appends the current id (with its 4-byte length) to `out`, then moves to the next one. */
  writeNext(out: GrowableBytes): void {
    const t = this.text;
    const n = t.length;
    out.ensure(4 + n);
    out.int32(n);
    const b = out.buffer;
    let at = out.length;
    for (let i = 0; i < n; i++) b[at++] = t[i]!;
    out.length = at;
    let i = n - 1;
    while (i >= this.first && t[i] === 57) t[i--] = 48;
    if (i >= this.first) t[i]!++;
  }
}
