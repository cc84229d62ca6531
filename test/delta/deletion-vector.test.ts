import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc32 } from 'node:zlib';
import {
  type DeletionVectorDescriptor,
  decodeZ85,
  deletedRows,
  deletionVectorFile,
  vectorBytes,
} from '../../src/delta/deletion-vector.js';

// The examples of PROTOCOL.md ("Deletion Vector Descriptor Schema"), and bitmaps built by hand
// in each Roaring container kind.

test('Z85 and the file a UUID-relative vector lives in (the protocol’s example)', () => {
  assert.deepEqual([...decodeZ85('HelloWorld')], [0x86, 0x4f, 0xd2, 0x6f, 0xb5, 0x59, 0xf7, 0x5b]);
  const dv: DeletionVectorDescriptor = {
    storageType: 'u',
    pathOrInlineDv: 'ab^-aqEH.-t@S}K{vb[*k^',
    offset: 4,
    sizeInBytes: 40,
    cardinality: 6,
  };
  assert.equal(deletionVectorFile(dv), 'ab/deletion_vector_d2c639aa-8816-431a-aaf6-d3fe2512ff61.bin');
  assert.equal(
    deletionVectorFile({ ...dv, pathOrInlineDv: 'a'.repeat(0) + dv.pathOrInlineDv.slice(2) }),
    'deletion_vector_d2c639aa-8816-431a-aaf6-d3fe2512ff61.bin',
  );
  assert.equal(deletionVectorFile({ ...dv, storageType: 'p', pathOrInlineDv: '/x/dv.bin' }), '/x/dv.bin');
  assert.equal(deletionVectorFile({ ...dv, storageType: 'i' }), undefined);
});

test('the protocol’s inline vector (native format) decodes to its six rows', () => {
  const rows = deletedRows(decodeZ85('wi5b=000010000siXQKl0rr91000f55c8Xg0@@D72lkbi5=-{L', 40));
  assert.deepEqual(rows, [3, 4, 7, 11, 18, 29]);
});

/** A portable RoaringBitmapArray of one 32-bit bitmap (high bits `high`) with the given body. */
function bitmapArray(high: number, roaring: Buffer): Buffer {
  const head = Buffer.alloc(16);
  head.writeInt32LE(1681511377, 0);
  head.writeBigInt64LE(1n, 4);
  head.writeUInt32LE(high, 12);
  return Buffer.concat([head, roaring]);
}

const u16 = (...values: number[]) => Buffer.from(new Uint16Array(values).buffer);
const u32 = (...values: number[]) => Buffer.from(new Uint32Array(values).buffer);

test('array, bitmap and run containers, with and without the run cookie', () => {
  // No runs (cookie 12346): an array container (key 0: 3, 7) and a bitmap one (key 1: 5000 rows).
  const bits = Buffer.alloc(8192);
  for (let v = 0; v < 5000; v++) bits[v >> 3]! |= 1 << (v & 7);
  const noRuns = Buffer.concat([u32(12346, 2), u16(0, 1, 1, 4999), u32(0, 0), u16(3, 7), bits]);
  const rows = deletedRows(bitmapArray(0, noRuns));
  assert.equal(rows.length, 2 + 5000);
  assert.deepEqual(rows.slice(0, 3), [3, 7, 65536]);
  assert.equal(rows.at(-1), 65536 + 4999);
  // With runs (cookie 12347, two containers, no offsets below four): a run 10..12 and an array.
  const withRuns = Buffer.concat([
    u32(12347 | (1 << 16)),
    Buffer.from([0b01]),
    u16(0, 2, 2, 0),
    u16(1, 10, 2),
    u16(9),
  ]);
  assert.deepEqual(deletedRows(bitmapArray(1, withRuns)), [
    2 ** 32 + 10,
    2 ** 32 + 11,
    2 ** 32 + 12,
    2 ** 32 + 131072 + 9,
  ]);
});

test('a stored vector’s size and checksum are checked', () => {
  const bitmap = bitmapArray(0, Buffer.concat([u32(12346, 1), u16(0, 0), u32(0), u16(42)]));
  const dv: DeletionVectorDescriptor = {
    storageType: 'u',
    pathOrInlineDv: '',
    sizeInBytes: bitmap.length,
    cardinality: 1,
  };
  const size = Buffer.alloc(4);
  size.writeInt32BE(bitmap.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(bitmap));
  assert.deepEqual(deletedRows(vectorBytes(Buffer.concat([size, bitmap, crc]), dv)), [42]);
  crc.writeUInt32BE((crc32(bitmap) + 1) >>> 0);
  assert.throws(() => vectorBytes(Buffer.concat([size, bitmap, crc]), dv), /checksum/);
  assert.throws(() => vectorBytes(Buffer.concat([size, bitmap]), dv), /truncated/);
});
