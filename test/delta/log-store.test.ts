import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FsLogStore } from '../../src/delta/fs-log-store.js';
import { FileAlreadyExistsError } from '../../src/delta/log-store.js';
import { writeTable } from '../../src/delta/write-table.js';
import { openTestEngine } from '../helpers/open-test-engine.js';
import { tempDir } from '../helpers/temp-dir.js';

test('mutual exclusion: of many concurrent puts of one name exactly one wins, intact', async () => {
  const store = new FsLogStore(join(tempDir(), '_delta_log'));
  const results = await Promise.allSettled(
    Array.from({ length: 16 }, (_, i) =>
      store.putIfAbsent('00000000000000000000.json', `writer ${i}\n`.repeat(1000)),
    ),
  );
  const winners = results.filter((r) => r.status === 'fulfilled');
  assert.equal(winners.length, 1);
  for (const r of results) if (r.status === 'rejected') assert.ok(r.reason instanceof FileAlreadyExistsError);
  const text = (await store.read('00000000000000000000.json')).toString();
  assert.match(text, /^(writer \d+\n)+$/);
  assert.equal(new Set(text.trim().split('\n')).size, 1, 'one writer’s bytes, not a mix');
});

test('atomic visibility: no temporary file is left and the log lists only complete files', async () => {
  const dir = join(tempDir(), '_delta_log');
  const store = new FsLogStore(dir);
  await store.putIfAbsent('00000000000000000000.json', 'a\n');
  await assert.rejects(store.putIfAbsent('00000000000000000000.json', 'b\n'), FileAlreadyExistsError);
  assert.deepEqual(readdirSync(dir), ['00000000000000000000.json']);
  assert.deepEqual(
    (await store.list()).map((e) => e.name),
    ['00000000000000000000.json'],
  );
});

test('read-after-write and replace', async () => {
  const store = new FsLogStore(join(tempDir(), '_delta_log'));
  assert.deepEqual(await store.list(), []);
  await store.replace('_last_checkpoint', '{"version":1}');
  await store.replace('_last_checkpoint', '{"version":2}');
  assert.equal((await store.read('_last_checkpoint')).toString(), '{"version":2}');
});

test('a commit file carries its commitInfo.timestamp as its modification time', async () => {
  const store = new FsLogStore(join(tempDir(), '_delta_log'));
  await store.putIfAbsent('00000000000000000000.json', 'a\n', {
    mtimeMs: Date.UTC(2024, 0, 2, 3, 4, 5, 678),
  });
  const [entry] = await store.list();
  assert.equal(Math.floor(entry!.mtimeMs), Date.UTC(2024, 0, 2, 3, 4, 5, 678), 'whole milliseconds');
  // Through a whole write: Spark resolves timestampAsOf from file times, carelake from commitInfo.
  const engine = await openTestEngine({ now: () => Date.UTC(2025, 5, 6, 7, 8, 9, 10) });
  const table = engine.table(join(tempDir(), 't'), 't');
  await writeTable(table, engine.writer, { source: { kind: 'query', sql: 'SELECT 1::BIGINT AS id' } });
  const [commit] = (await table.store.list()).filter((e) => e.name.endsWith('.json'));
  assert.equal(Math.floor(commit!.mtimeMs), Date.UTC(2025, 5, 6, 7, 8, 9, 10));
  assert.equal((await table.readHistory())[0]?.timestamp.getTime(), Date.UTC(2025, 5, 6, 7, 8, 9, 10));
});
