/**
 * Stores epoch `seconds` as a little-endian INT64 of microseconds at `b[at .. at + 8)`, the
 * Parquet TIMESTAMP(MICROS) value. Micros stay below 2^53, and multiplying by 2^-32 splits them
 * into exact 32-bit words, much cheaper than % and / on doubles.
 *
 * @example
 * putMicros(buffer, 0, 1_700_000_000); // 1_700_000_000_000_000 µs
 */
export function putMicros(b: Uint8Array, at: number, seconds: number): void {
  const micros = seconds * 1_000_000;
  const high = Math.floor(micros * 2.3283064365386963e-10);
  const low = micros - high * 4294967296;
  b[at] = low;
  b[at + 1] = low >>> 8;
  b[at + 2] = low >>> 16;
  b[at + 3] = low >>> 24;
  b[at + 4] = high;
  b[at + 5] = high >> 8;
  b[at + 6] = high >> 16;
  b[at + 7] = high >> 24;
}
