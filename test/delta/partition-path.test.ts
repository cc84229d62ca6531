import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  decodeLogPath,
  encodeLogPath,
  escapePathName,
  NULL_PARTITION,
  partitionFolder,
} from '../../src/delta/partition-path.js';
import { serializePartitionValue } from '../../src/delta/partition-value.js';

test('escapes path names as Hive/Spark do', () => {
  assert.equal(escapePathName('a/b=c %x'), 'a%2Fb%3Dc %25x');
  assert.equal(escapePathName("it's:*?"), 'it%27s%3A%2A%3F');
  assert.equal(escapePathName('Zürich'), 'Zürich');
  assert.equal(escapePathName('tab\there'), 'tab%09here');
});

test('null and empty partition values use the Hive default partition folder', () => {
  assert.equal(partitionFolder(['d', 'u'], { d: '2024-01-01', u: null }), `d=2024-01-01/u=${NULL_PARTITION}`);
  assert.equal(partitionFolder(['u'], { u: '' }), `u=${NULL_PARTITION}`);
});

test('log paths are URI-encoded and decode back to the folder names', () => {
  const rel = `${partitionFolder(['p'], { p: 'a/b=c %x' })}/part-0.parquet`;
  const encoded = encodeLogPath(rel);
  assert.equal(encoded, 'p=a%252Fb%253Dc%20%2525x/part-0.parquet');
  assert.equal(decodeLogPath(encoded), rel);
  assert.equal(decodeLogPath('file:///lake/t/a%20b.parquet'), '/lake/t/a b.parquet');
});

test('partition values serialise per the protocol', () => {
  assert.equal(serializePartitionValue('string', ''), null);
  assert.equal(serializePartitionValue('string', null), null);
  assert.equal(serializePartitionValue('date', '2024-02-29'), '2024-02-29');
  assert.equal(
    serializePartitionValue('timestamp', '2024-01-01 08:00:00.5+00'),
    '2024-01-01 08:00:00.500000',
  );
  assert.throws(() => serializePartitionValue('timestamp', '2024-01-01 08:00:00+02'), RangeError);
});
