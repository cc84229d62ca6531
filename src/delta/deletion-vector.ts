import { crc32 } from 'node:zlib';

/**
 * Deletion vectors (PROTOCOL.md, "Deletion Vectors"), decoded. Pure: where a vector's bytes
 * live and how they decode into the row indexes it deletes; reading the bytes is
 * read-deletion-vector.ts's job.
 *
 * A descriptor is inline (`i`: the bytes, Z85-encoded, in the log), UUID-relative (`u`: a file
 * `deletion_vector_<uuid>.bin` under the table, in an optional prefix folder) or absolute (`p`).
 * The bytes are a RoaringBitmapArray, in its portable format (a little-endian magic number, the
 * number of 32-bit bitmaps, then for each its high 32 bits and a standard portable Roaring
 * bitmap) or its native one (big-endian magic, count, then each bitmap's size and bytes).
 */

/** The `deletionVector` of an add or remove action. */
export interface DeletionVectorDescriptor {
  storageType: 'u' | 'i' | 'p';
  pathOrInlineDv: string;
  offset?: number | null;
  sizeInBytes: number;
  cardinality: number;
}

const Z85 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#';
const Z85_VALUE = new Map([...Z85].map((c, i) => [c, i]));
const PORTABLE_MAGIC = 1681511377;
const NATIVE_MAGIC = 1681511376;
const SERIAL_COOKIE_NO_RUNCONTAINER = 12346;
const SERIAL_COOKIE = 12347;
const NO_OFFSET_THRESHOLD = 4;

/**
 * Decodes Delta's Z85 text (5 characters per 4 bytes, big-endian), truncated to `size` bytes.
 *
 * @example
 * decodeZ85('HelloWorld', 8); // <Buffer 86 4f d2 6f b5 59 f7 5b>
 */
export function decodeZ85(text: string, size = Math.floor(text.length / 5) * 4): Buffer {
  const out = Buffer.alloc(Math.ceil(text.length / 5) * 4);
  for (let block = 0; block * 5 < text.length; block++) {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const digit = Z85_VALUE.get(text[block * 5 + i] ?? '0');
      if (digit === undefined) throw new Error(`not Z85: ${JSON.stringify(text[block * 5 + i])}`);
      value = value * 85 + digit;
    }
    out.writeUInt32BE(value >>> 0, block * 4);
  }
  return out.subarray(0, size);
}

/**
 * Where a stored vector lives, relative to the table folder (or absolute for `p`); undefined
 * for an inline vector.
 *
 * @example
 * deletionVectorFile({ storageType: 'u', pathOrInlineDv: 'ab^-aqEH.-t@S}K{vb[*k^', … }); // 'ab/deletion_vector_d2c639aa-….bin'
 */
export function deletionVectorFile(dv: DeletionVectorDescriptor): string | undefined {
  if (dv.storageType === 'i') return undefined;
  if (dv.storageType === 'p') return dv.pathOrInlineDv;
  const prefix = dv.pathOrInlineDv.slice(0, -20);
  const hex = decodeZ85(dv.pathOrInlineDv.slice(-20), 16).toString('hex');
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return `${prefix ? `${prefix}/` : ''}deletion_vector_${uuid}.bin`;
}

/**
 * The bitmap bytes of a stored vector from the chunk at its offset in the file: a big-endian
 * size, the bytes, and their CRC-32, which is checked.
 *
 * @example
 * const bitmap = vectorBytes(chunk, dv); // chunk: sizeInBytes + 8 bytes read at dv.offset
 */
export function vectorBytes(chunk: Buffer, dv: DeletionVectorDescriptor): Buffer {
  if (chunk.length < dv.sizeInBytes + 8) throw new Error('deletion vector file is truncated');
  const size = chunk.readInt32BE(0);
  if (size !== dv.sizeInBytes)
    throw new Error(`deletion vector size ${size}, the log says ${dv.sizeInBytes}`);
  const bytes = chunk.subarray(4, 4 + size);
  if (crc32(bytes) !== chunk.readUInt32BE(4 + size)) throw new Error('deletion vector checksum mismatch');
  return bytes;
}

/**
 * The row indexes (0-based positions in the data file) a serialized RoaringBitmapArray holds,
 * ascending.
 *
 * @example
 * deletedRows(bitmapBytes); // [0, 7, 14]
 */
export function deletedRows(bytes: Buffer): number[] {
  const rows: number[] = [];
  if (bytes.readInt32LE(0) === PORTABLE_MAGIC) {
    // Portable: little-endian count (int64), then per bitmap its high 32 bits and the bitmap.
    const bitmaps = Number(bytes.readBigInt64LE(4));
    let at = 12;
    for (let b = 0; b < bitmaps; b++) at = readRoaring(bytes, at + 4, bytes.readUInt32LE(at) * 2 ** 32, rows);
  } else if (bytes.readInt32BE(0) === NATIVE_MAGIC) {
    // Native: big-endian count (int32), then per bitmap (high bits = its index) its size and bytes.
    const bitmaps = bytes.readInt32BE(4);
    let at = 8;
    for (let b = 0; b < bitmaps; b++) {
      const size = bytes.readInt32BE(at);
      readRoaring(bytes, at + 4, b * 2 ** 32, rows);
      at += 4 + size;
    }
  } else throw new Error('not a RoaringBitmapArray (unknown magic number)');
  return rows;
}

/** Reads one portable Roaring bitmap at `start`, pushing `base + value`; returns its end. */
function readRoaring(bytes: Buffer, start: number, base: number, rows: number[]): number {
  const cookie = bytes.readUInt32LE(start);
  let at = start + 4;
  let size: number;
  let runs: Buffer | undefined;
  if ((cookie & 0xffff) === SERIAL_COOKIE) {
    size = (cookie >>> 16) + 1;
    runs = bytes.subarray(at, at + Math.ceil(size / 8));
    at += runs.length;
  } else if (cookie === SERIAL_COOKIE_NO_RUNCONTAINER) {
    size = bytes.readUInt32LE(at);
    at += 4;
  } else throw new Error(`not a portable Roaring bitmap (cookie ${cookie})`);
  const keys: number[] = [];
  const cardinalities: number[] = [];
  for (let i = 0; i < size; i++) {
    keys.push(bytes.readUInt16LE(at));
    cardinalities.push(bytes.readUInt16LE(at + 2) + 1);
    at += 4;
  }
  if (runs === undefined || size >= NO_OFFSET_THRESHOLD) at += 4 * size; // container offsets
  for (let i = 0; i < size; i++) {
    const high = base + keys[i]! * 65536;
    if (runs !== undefined && (runs[i >> 3]! & (1 << (i & 7))) !== 0) {
      const n = bytes.readUInt16LE(at);
      at += 2;
      for (let r = 0; r < n; r++) {
        const from = bytes.readUInt16LE(at);
        const length = bytes.readUInt16LE(at + 2);
        for (let v = from; v <= from + length; v++) rows.push(high + v);
        at += 4;
      }
    } else if (cardinalities[i]! <= 4096) {
      for (let k = 0; k < cardinalities[i]!; k++) rows.push(high + bytes.readUInt16LE(at + 2 * k));
      at += 2 * cardinalities[i]!;
    } else {
      for (let word = 0; word < 1024; word++) {
        const bits = bytes.readBigUInt64LE(at + 8 * word);
        if (bits === 0n) continue;
        for (let bit = 0; bit < 64; bit++) if ((bits >> BigInt(bit)) & 1n) rows.push(high + word * 64 + bit);
      }
      at += 8192;
    }
  }
  return at;
}
