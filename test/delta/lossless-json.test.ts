import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLosslessJson, RawJson, stringifyLosslessJson } from '../../src/delta/lossless-json.js';

test('integers above 2^53 round-trip exactly', () => {
  const text =
    '{"size":9007199254740993,"neg":-9223372036854775808,"small":42,"f":1.5,"s":"12345678901234567"}';
  const value = parseLosslessJson(text) as Record<string, unknown>;
  assert.equal(value.size, 9007199254740993n);
  assert.equal(value.neg, -9223372036854775808n);
  assert.equal(value.small, 42);
  assert.equal(value.s, '12345678901234567');
  assert.equal(stringifyLosslessJson(value), text);
});

test('the slow path parses nested structures, escapes and literals like JSON.parse', () => {
  const text =
    '{"a":[1,2,{"b":null,"c":true,"d":false}],"e":"x\\"y\\u00e9\\n","big":[12345678901234567890],"g":-0.5e3}';
  const value = parseLosslessJson(text) as Record<string, unknown>;
  assert.deepEqual(value.a, [1, 2, { b: null, c: true, d: false }]);
  assert.equal(value.e, 'x"yé\n');
  assert.deepEqual(value.big, [12345678901234567890n]);
  assert.equal(value.g, -500);
});

test('malformed JSON on the slow path is a SyntaxError', () => {
  assert.throws(() => parseLosslessJson('{"a":12345678901234567,}'), SyntaxError);
  assert.throws(() => parseLosslessJson('{"a":12345678901234567} x'), SyntaxError);
});

test('stringify drops undefined members, writes RawJson verbatim and non-finite numbers as null', () => {
  assert.equal(
    stringifyLosslessJson({ a: undefined, b: new RawJson('1.50'), c: Number.NaN, d: [undefined] }),
    '{"b":1.50,"c":null,"d":[null]}',
  );
});
