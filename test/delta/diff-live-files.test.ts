import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AddFile } from '../../src/delta/actions.js';
import { diffLiveFiles } from '../../src/delta/diff-live-files.js';

const file = (path: string, bucket: string, rows: number | undefined, dataChange = false): AddFile => ({
  path,
  partitionValues: { b: bucket },
  size: 1,
  modificationTime: 0,
  dataChange,
  stats: rows === undefined ? null : JSON.stringify({ numRecords: rows }),
});
const paths = (files: AddFile[]) => files.map((f) => f.path).sort();

test('appends are added; a compaction of seen rows is seen; one that took in new rows is added', () => {
  const a = file('a', '1', 10);
  const b = file('b', '1', 5);
  const c = file('c', '2', 7);
  // Every file here says dataChange false, as one read through a checkpoint does: only the
  // commits' flags (the third argument) tell a compaction's output from an append.
  const none = new Set<string>();
  const appended = diffLiveFiles([a, b], [a, b, c], none);
  assert.deepEqual(paths(appended.added), ['c']);
  assert.deepEqual(appended.removed, []);
  assert.deepEqual(paths(appended.seen), ['a', 'b']);
  assert.equal(appended.mixedCompaction, false);

  const compacted = file('ab', '1', 15);
  const optimized = diffLiveFiles([a, b, c], [compacted, c, file('d', '2', 3)], new Set(['ab']));
  assert.deepEqual(paths(optimized.added), ['d'], 'only the append is new');
  assert.deepEqual(optimized.removed, [], 'the compacted inputs are not removed rows');
  assert.deepEqual(paths(optimized.seen), ['ab', 'c']);
  assert.equal(optimized.mixedCompaction, false);

  // b was appended after `before` and compacted with a: the output holds rows never seen.
  const tookInNew = diffLiveFiles([a], [compacted], new Set(['ab']));
  assert.deepEqual(paths(tookInNew.added), ['ab']);
  assert.deepEqual(paths(tookInNew.removed), ['a']);
  assert.deepEqual(tookInNew.seen, []);
  assert.equal(tookInNew.mixedCompaction, true);

  const noStats = diffLiveFiles([file('x', '1', undefined)], [file('y', '1', undefined)], new Set(['y']));
  assert.deepEqual(
    [paths(noStats.added), paths(noStats.removed)],
    [['y'], ['x']],
    'unknown counts: a change',
  );

  const rewritten = diffLiveFiles([a, c], [file('a2', '1', 9, true), c], none);
  assert.deepEqual([paths(rewritten.added), paths(rewritten.removed)], [['a2'], ['a']], 'a data change');
  assert.equal(rewritten.mixedCompaction, false);
});
