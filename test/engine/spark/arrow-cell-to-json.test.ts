import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  Bool,
  Date_,
  DateUnit,
  Decimal,
  Field,
  Float64,
  Int32,
  Int64,
  List,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  Timestamp,
  TimeUnit,
  tableToIPC,
  Utf8,
} from 'apache-arrow';
import { decodeArrowRows } from '../../../src/engine/spark/decode-arrow-rows.js';

function ipcOf(fields: Field[], data: ReturnType<typeof makeData>[], length: number): Uint8Array {
  const schema = new Schema(fields);
  const struct = makeData({ type: new Struct(fields), length, nullCount: 0, children: data });
  return tableToIPC(new Table([new RecordBatch(schema, struct)]), 'stream');
}

test('64-bit integers, decimals and timestamps keep every digit', () => {
  const tsType = new Timestamp(TimeUnit.MICROSECOND, 'UTC');
  const ntzType = new Timestamp(TimeUnit.MICROSECOND);
  const decType = new Decimal(2, 38, 128);
  // -150 (i.e. -1.50) and 5 (0.05) as 128-bit two's complement, four little-endian words each.
  const decWords = new Uint32Array([0xffffff6a, 0xffffffff, 0xffffffff, 0xffffffff, 5, 0, 0, 0]);
  const ipc = ipcOf(
    [
      new Field('l', new Int64()),
      new Field('ts', tsType),
      new Field('ntz', ntzType),
      new Field('dec', decType),
    ],
    [
      makeData({ type: new Int64(), data: new BigInt64Array([9007199254740993n, -1n]) }),
      makeData({ type: tsType, data: new BigInt64Array([1709210096789012n, -1n]) }),
      makeData({ type: ntzType, data: new BigInt64Array([1709210096000000n, 500000n]) }),
      makeData({ type: decType, data: decWords }),
    ],
    2,
  );
  assert.deepEqual(decodeArrowRows(ipc), [
    { l: '9007199254740993', ts: '2024-02-29 12:34:56.789012+00', ntz: '2024-02-29 12:34:56', dec: '-1.50' },
    { l: '-1', ts: '1969-12-31 23:59:59.999999+00', ntz: '1970-01-01 00:00:00.5', dec: '0.05' },
  ]);
});

test('dates, numbers, booleans, strings, nulls, lists and structs come as DuckDB rows do', () => {
  const listType = new List(new Field('element', new Int32(), true));
  const structType = new Struct([new Field('a', new Int32()), new Field('b', new Utf8())]);
  const ipc = ipcOf(
    [
      new Field('d', new Date_(DateUnit.DAY)),
      new Field('f', new Float64()),
      new Field('b', new Bool()),
      new Field('s', new Utf8(), true),
      new Field('arr', listType),
      new Field('st', structType),
    ],
    [
      makeData({ type: new Date_(DateUnit.DAY), data: new Int32Array([19782]) }),
      makeData({ type: new Float64(), data: new Float64Array([Number.NaN]) }),
      makeData({ type: new Bool(), length: 1, nullCount: 0, data: new Uint8Array([1]) }),
      makeData({
        type: new Utf8(),
        length: 1,
        nullCount: 1,
        nullBitmap: new Uint8Array([0]),
        data: new Uint8Array(0),
        valueOffsets: new Int32Array([0, 0]),
      }),
      makeData({
        type: listType,
        length: 1,
        valueOffsets: new Int32Array([0, 2]),
        child: makeData({ type: new Int32(), data: new Int32Array([1, 2]) }),
      }),
      makeData({
        type: structType,
        length: 1,
        children: [
          makeData({ type: new Int32(), data: new Int32Array([7]) }),
          makeData({
            type: new Utf8(),
            data: new TextEncoder().encode('x'),
            valueOffsets: new Int32Array([0, 1]),
          }),
        ],
      }),
    ],
    1,
  );
  assert.deepEqual(decodeArrowRows(ipc), [
    { d: '2024-02-29', f: 'NaN', b: true, s: null, arr: [1, 2], st: { a: 7, b: 'x' } },
  ]);
});
