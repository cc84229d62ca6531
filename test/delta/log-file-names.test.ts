import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkpointFileName, commitFileName, parseLogFileName } from '../../src/delta/log-file-names.js';

test('commit and checkpoint names are 20-digit zero-padded', () => {
  assert.equal(commitFileName(7), '00000000000000000007.json');
  assert.equal(checkpointFileName(10), '00000000000000000010.checkpoint.parquet');
});

test('classifies log entries, ignoring temporary and hint files', () => {
  assert.deepEqual(parseLogFileName('00000000000000000003.json'), {
    kind: 'commit',
    version: 3,
    name: '00000000000000000003.json',
  });
  assert.deepEqual(parseLogFileName('00000000000000000010.checkpoint.0000000002.0000000003.parquet'), {
    kind: 'checkpoint',
    version: 10,
    name: '00000000000000000010.checkpoint.0000000002.0000000003.parquet',
    part: 2,
    parts: 3,
  });
  assert.equal(
    parseLogFileName('00000000000000000010.checkpoint.3a0d65cd-4056-49b8-937b-95f9e3ee90e5.parquet')?.kind,
    'v2-checkpoint',
  );
  assert.equal(parseLogFileName('_last_checkpoint'), undefined);
  assert.equal(parseLogFileName('_commit_abc.json.tmp'), undefined);
  assert.equal(parseLogFileName('00000000000000000003.crc'), undefined);
});
