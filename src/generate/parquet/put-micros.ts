import { putInt32 } from './put-int32.js';

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
  // The low word may exceed 2^31: its bytes are the same under >> as under >>>.
  putInt32(b, at, low);
  putInt32(b, at + 4, high);
}
