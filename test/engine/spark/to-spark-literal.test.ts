import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toSparkLiteral } from '../../../src/engine/spark/to-spark-literal.js';
import { UsageError } from '../../../src/errors/usage-error.js';

test('each parameter kind becomes the Spark literal of its type', () => {
  assert.deepEqual(toSparkLiteral(null), { null: { null: {} } });
  assert.deepEqual(toSparkLiteral('x'), { string: 'x' });
  assert.deepEqual(toSparkLiteral(false), { boolean: false });
  assert.deepEqual(toSparkLiteral(-7), { integer: -7 });
  assert.deepEqual(toSparkLiteral(2 ** 31), { long: '2147483648' });
  assert.deepEqual(toSparkLiteral(1.5), { double: 1.5 });
  assert.deepEqual(toSparkLiteral(2 ** 60), { double: 2 ** 60 });
  assert.deepEqual(toSparkLiteral(-(2n ** 63n)), { long: '-9223372036854775808' });
  assert.deepEqual(toSparkLiteral(new Date(Date.UTC(2024, 1, 29, 0, 0, 0, 1))), {
    timestamp: '1709164800001000',
  });
  assert.deepEqual(toSparkLiteral(['a']), {
    array: { elementType: { string: {} }, elements: [{ string: 'a' }] },
  });
  assert.deepEqual(toSparkLiteral([1, 2]), {
    array: { elementType: { long: {} }, elements: [{ long: '1' }, { long: '2' }] },
  });
  assert.deepEqual(toSparkLiteral([0.5]), {
    array: { elementType: { double: {} }, elements: [{ double: 0.5 }] },
  });
});

test('values Spark cannot hold are UsageErrors naming the parameter', () => {
  assert.throws(
    () => toSparkLiteral(2n ** 63n, 'parameter :n'),
    (e: unknown) => e instanceof UsageError && /:n/.test(e.message),
  );
  assert.throws(() => toSparkLiteral(new Date(Number.NaN), 'parameter :d'), UsageError);
  assert.throws(
    () => toSparkLiteral(['a', 1] as unknown as string[], 'parameter :l'),
    /mixes strings and numbers/,
  );
});
