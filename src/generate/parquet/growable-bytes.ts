import { decimalDigits } from './decimal-digits.js';
import { putInt32 } from './put-int32.js';

/**
 * A byte buffer that grows as it is written, for building Parquet pages and footers in memory.
 * Capacity doubles, so appending n bytes costs O(n) overall; `reset` keeps the capacity, so a
 * column reused for every row group allocates only while it first grows.
 *
 * @example
 * const bytes = new GrowableBytes();
 * bytes.int32(7);
 * bytes.view(); // Uint8Array [7, 0, 0, 0]
 */
export class GrowableBytes {
  buffer: Buffer;
  length = 0;
  // Buffer#latin1Write is public at runtime but missing from @types/node; it is several times
  // faster than Buffer#write(text, offset, 'latin1') for the short strings written per value.
  private latin1: { latin1Write(text: string, offset: number): number };

  constructor(capacity = 1 << 16) {
    this.buffer = Buffer.allocUnsafe(capacity);
    this.latin1 = this.buffer as unknown as { latin1Write(text: string, offset: number): number };
  }

  /** Makes room for `n` more bytes. */
  ensure(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < this.length + n) capacity *= 2;
    const next = Buffer.allocUnsafe(capacity);
    this.buffer.copy(next, 0, 0, this.length);
    this.buffer = next;
    this.latin1 = next as unknown as { latin1Write(text: string, offset: number): number };
  }

  byte(b: number): void {
    this.ensure(1);
    this.buffer[this.length++] = b;
  }

  /** Little-endian 32-bit integer (signed or unsigned bits). */
  int32(v: number): void {
    this.ensure(4);
    putInt32(this.buffer, this.length, v);
    this.length += 4;
  }

  /** Little-endian 64-bit integer from a safe JS integer (|v| < 2^53). */
  int64(v: number): void {
    // Multiplying by 2^-32 is exact and much cheaper than % and / on doubles.
    const high = Math.floor(v * 2.3283064365386963e-10);
    this.int32(v - high * 4294967296);
    this.int32(high);
  }

  double(v: number): void {
    this.ensure(8);
    this.buffer.writeDoubleLE(v, this.length);
    this.length += 8;
  }

  /** Latin-1 text without a length prefix (generated text is ASCII). */
  latin1Text(text: string): void {
    const n = text.length;
    this.ensure(n);
    // Short strings: a JS loop beats the native call's fixed cost, which dominated profiles.
    if (n <= 48) {
      const b = this.buffer;
      let at = this.length;
      for (let i = 0; i < n; i++) b[at++] = text.charCodeAt(i);
      this.length = at;
    } else this.length += this.latin1.latin1Write(text, this.length);
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buffer.set(b, this.length);
    this.length += b.length;
  }

  /** Unsigned LEB128 varint (Thrift compact, Parquet RLE headers) of a safe integer. */
  varint(v: number): void {
    this.ensure(8);
    let x = v;
    while (x >= 0x80) {
      this.buffer[this.length++] = (x % 0x80) | 0x80;
      x = Math.floor(x / 0x80);
    }
    this.buffer[this.length++] = x;
  }

  /** A non-negative safe integer in decimal ASCII digits, as String(n) spells it. */
  decimal(n: number): void {
    const digits = decimalDigits(n);
    this.ensure(digits);
    const b = this.buffer;
    let x = n;
    for (let at = this.length + digits - 1; at >= this.length; at--) {
      b[at] = 48 + (x % 10);
      x = Math.floor(x / 10);
    }
    this.length += digits;
  }

  /** The bytes written so far (a view, valid until the next write or reset). */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  reset(): void {
    this.length = 0;
  }
}
