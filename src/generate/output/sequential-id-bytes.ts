import type { GrowableBytes } from '../parquet/growable-bytes.js';
import { putInt32 } from '../parquet/put-int32.js';

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
  // Ten consecutive ids, length-prefixed, ending in 0 … 9, and the id (`text` with its last
  // digit 0) they were made for: valid while `blockFor` matches. See writeMany.
  private readonly block: Uint8Array;
  private readonly blockFor: Uint8Array;

  constructor(prefix: string, digits: number, firstSeq: number) {
    const id = prefix + String(firstSeq + 1).padStart(digits, '0');
    this.text = Uint8Array.from(id, (c) => c.charCodeAt(0));
    this.first = prefix.length;
    this.block = new Uint8Array(10 * (4 + this.text.length));
    this.blockFor = new Uint8Array(this.text.length);
  }

  /**
   * Appends the next `count` ids, as `count` calls of writeNext would. Ids go ten at a time where
   * they can, a ten-id block copied at once: consecutive ids differ in the last digit, so a block
   * changes only where a carry reached (usually one byte in each id), where writing every id byte
   * by byte was the biggest share of encoding EMR events.
   */
  writeMany(out: GrowableBytes, count: number): void {
    const t = this.text;
    const n = t.length;
    let left = count;
    while (left > 0) {
      if (left < 10 || t[n - 1] !== 48) {
        this.writeNext(out);
        left--;
        continue;
      }
      this.refreshBlock();
      out.bytes(this.block);
      // Ten increments from …0: the last digit is 0 again, carrying into the ones above.
      let i = n - 2;
      while (i >= this.first && t[i] === 57) t[i--] = 48;
      if (i >= this.first) t[i]!++;
      left -= 10;
    }
  }

  // Makes `block` hold the ten ids starting at `text` (which ends in 0), changing only the bytes
  // that differ from the ids it held.
  private refreshBlock(): void {
    const t = this.text;
    const n = t.length;
    const b = this.block;
    const had = this.blockFor;
    for (let j = 0; j < n - 1; j++) {
      if (had[j] === t[j] && had[n - 1] === 48) continue;
      for (let d = 0; d < 10; d++) b[d * (4 + n) + 4 + j] = t[j]!;
    }
    if (had[n - 1] !== 48) {
      for (let d = 0; d < 10; d++) {
        const at = d * (4 + n);
        putInt32(b, at, n);
        b[at + 4 + n - 1] = 48 + d;
      }
    }
    had.set(t);
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
