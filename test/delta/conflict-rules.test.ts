import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Action } from '../../src/delta/actions.js';
import { findConflict, isBlindAppend, type ReadSet } from '../../src/delta/conflict-rules.js';

const add = (path: string, p: string | null = null, dataChange = true): Action => ({
  add: { path, partitionValues: { d: p }, size: 1, modificationTime: 0, dataChange },
});
const remove = (path: string, dataChange = true): Action => ({ remove: { path, dataChange } });
const blindAppend: ReadSet = {
  blindAppend: true,
  readFiles: new Set(),
  removedFiles: new Set(),
  readPartitions: undefined,
  appIds: [],
  changesMetadata: false,
};
const overwrite = (files: string[], readPartitions: ReadSet['readPartitions'] = 'all'): ReadSet => ({
  blindAppend: false,
  readFiles: new Set(files),
  removedFiles: new Set(files),
  readPartitions,
  appIds: [],
  changesMetadata: false,
});

test('blind appends never conflict with each other', () => {
  assert.equal(
    findConflict(blindAppend, [{ commitInfo: { isBlindAppend: true } }, add('b.parquet')]),
    undefined,
  );
});

test('metadata and protocol changes conflict with everyone', () => {
  assert.equal(
    findConflict(blindAppend, [
      { metaData: { id: 'x', format: { provider: 'parquet' }, schemaString: '', partitionColumns: [] } },
    ])?.rule,
    'metadata-changed',
  );
  assert.equal(
    findConflict(blindAppend, [{ protocol: { minReaderVersion: 1, minWriterVersion: 2 } }])?.rule,
    'protocol-changed',
  );
});

test('an overwrite that read files a winner removed conflicts', () => {
  assert.equal(
    findConflict(overwrite(['a.parquet']), [remove('a.parquet'), add('c.parquet')])?.rule,
    'concurrent-delete-delete',
  );
  const readOnly: ReadSet = { ...overwrite([]), readFiles: new Set(['a.parquet']) };
  assert.equal(findConflict(readOnly, [remove('a.parquet')])?.rule, 'concurrent-delete-read');
});

test('a concurrent compaction of a file this transaction removes conflicts', () => {
  assert.equal(
    findConflict(overwrite(['a.parquet']), [remove('a.parquet', false), add('z.parquet', null, false)])?.rule,
    'concurrent-delete-delete',
  );
});

test('under WriteSerializable, a blind append does not invalidate an overwrite; a non-blind add does', () => {
  assert.equal(
    findConflict(overwrite(['a.parquet']), [{ commitInfo: { isBlindAppend: true } }, add('b.parquet')]),
    undefined,
  );
  const winner: Action[] = [{ commitInfo: { isBlindAppend: false } }, remove('x.parquet'), add('b.parquet')];
  assert.equal(findConflict(overwrite(['a.parquet']), winner)?.rule, 'concurrent-append');
});

test('replaceWhere reads only its partitions', () => {
  const rw = overwrite(['a.parquet'], (pv) => pv.d === '2024-01-01');
  const winner = (p: string): Action[] => [
    { commitInfo: { isBlindAppend: false } },
    remove('other.parquet'),
    add('n.parquet', p),
  ];
  assert.equal(findConflict(rw, winner('2024-01-02')), undefined);
  assert.equal(findConflict(rw, winner('2024-01-01'))?.rule, 'concurrent-append');
});

test('the same application id committing concurrently conflicts', () => {
  const txn: ReadSet = { ...blindAppend, appIds: ['bronze:emr'] };
  assert.equal(
    findConflict(txn, [{ txn: { appId: 'bronze:emr', version: 3 } }])?.rule,
    'concurrent-transaction',
  );
});

test('isBlindAppend trusts commitInfo, else looks at the actions', () => {
  assert.equal(isBlindAppend([add('a')]), true);
  assert.equal(isBlindAppend([add('a'), remove('b')]), false);
  assert.equal(isBlindAppend([{ commitInfo: { isBlindAppend: false } }, add('a')]), false);
});
