import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Action } from '../../src/delta/actions.js';
import { checkpointActions } from '../../src/delta/checkpoint-actions.js';
import { applyActions } from '../../src/delta/replay.js';
import { emptyTableState } from '../../src/delta/table-state.js';

const add = (path: string, deletionVector?: unknown): Action => ({
  add: {
    path,
    partitionValues: {},
    size: 10,
    modificationTime: 1,
    dataChange: true,
    ...(deletionVector === undefined ? {} : { deletionVector }),
  },
});

test('replay folds adds, removes, metadata, protocol and txns by version', () => {
  const state = emptyTableState();
  applyActions(state, 0, [
    { protocol: { minReaderVersion: 1, minWriterVersion: 2 } },
    { metaData: { id: 'x', format: { provider: 'parquet' }, schemaString: '{}', partitionColumns: [] } },
    add('a%20b.parquet'),
    { txn: { appId: 'app', version: 1 } },
  ]);
  applyActions(state, 1, [
    { remove: { path: 'a b.parquet', dataChange: true, deletionTimestamp: 100 } },
    add('c.parquet'),
    { txn: { appId: 'app', version: 2 } },
  ]);
  assert.equal(state.version, 1);
  assert.deepEqual([...state.files.keys()], ['c.parquet']);
  assert.deepEqual([...state.tombstones.keys()], ['a b.parquet'], 'paths are compared decoded');
  assert.equal(state.appVersions.get('app')?.version, 2);
  // Re-adding a removed file revives it.
  applyActions(state, 2, [add('a b.parquet')]);
  assert.equal(state.tombstones.size, 0);
  assert.equal(state.files.size, 2);
});

test('checkpoints keep live files and unexpired tombstones only', () => {
  const state = emptyTableState();
  applyActions(state, 0, [
    { protocol: { minReaderVersion: 1, minWriterVersion: 2 } },
    {
      metaData: {
        id: 'x',
        format: { provider: 'parquet' },
        schemaString: '{}',
        partitionColumns: [],
        configuration: { 'delta.deletedFileRetentionDuration': 'interval 1 hours' },
      },
    },
    add('old.parquet'),
    add('recent.parquet'),
    add('live.parquet'),
  ]);
  const now = 10 * 3_600_000;
  applyActions(state, 1, [
    { remove: { path: 'old.parquet', dataChange: true, deletionTimestamp: now - 2 * 3_600_000 } },
    { remove: { path: 'recent.parquet', dataChange: true, deletionTimestamp: now - 60_000 } },
  ]);
  const actions = checkpointActions(state, now);
  const kinds = actions.map((a) => Object.keys(a)[0]);
  assert.deepEqual(kinds, ['protocol', 'metaData', 'add', 'remove']);
  const removeAction = actions.find((a) => 'remove' in a);
  assert.ok(removeAction && 'remove' in removeAction && removeAction.remove.path === 'recent.parquet');
  assert.ok(actions.every((a) => !('add' in a) || a.add.dataChange === false));
});

test('a file is keyed by its path and deletion vector: Spark’s DELETE keeps the file, with its vector', () => {
  const state = emptyTableState();
  const dv = (id: string) => ({
    storageType: 'u',
    pathOrInlineDv: id,
    offset: 1,
    sizeInBytes: 36,
    cardinality: 2,
  });
  applyActions(state, 0, [add('p=x/a.parquet')]);
  // What Spark writes for a DELETE with deletion vectors: the new (path, vector) added first,
  // the old (path, no vector) removed, in one commit.
  applyActions(state, 1, [
    add('p=x/a.parquet', dv('one')),
    { remove: { path: 'p=x/a.parquet', dataChange: true, deletionTimestamp: 5 } },
  ]);
  assert.deepEqual(
    [...state.files.values()].map((f) => f.deletionVector),
    [dv('one')],
  );
  applyActions(state, 2, [
    { remove: { path: 'p%3Dx/a.parquet', dataChange: true, deletionVector: dv('one') } },
    add('p=x/a.parquet', dv('two')),
  ]);
  assert.deepEqual(
    [...state.files.values()].map((f) => f.deletionVector),
    [dv('two')],
  );
});
