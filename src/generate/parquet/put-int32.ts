/**
 * Stores the low 32 bits of `v` little-endian at `b[at .. at + 4)`: a Parquet INT32 value or a
 * PLAIN BYTE_ARRAY's length. Plain byte stores, inlined where called: Buffer#writeInt32LE's
 * argument checks showed up in profiles.
 *
 * @example
 * putInt32(buffer, 0, 1001); // buffer[0 .. 4) = [0xe9, 0x03, 0, 0]
 */
export function putInt32(b: Uint8Array, at: number, v: number): void {
  b[at] = v;
  b[at + 1] = v >> 8;
  b[at + 2] = v >> 16;
  b[at + 3] = v >> 24;
}
