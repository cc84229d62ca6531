import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DuckDbEngine } from '../../src/engine/duckdb/duckdb-engine.js';
import type { Engine } from '../../src/engine/engine.js';
import { SparkEngine } from '../../src/engine/spark/spark-engine.js';
import { sparkRemote } from '../helpers/spark-client.js';
import { tempDir } from '../helpers/temp-dir.js';

// One suite, every engine (as kysely runs one suite per dialect): what the pipeline asks of an
// engine behaves the same on DuckDB and on Spark. Tables are read back through carelake's own
// Delta reader (a DuckDB engine), whoever wrote them.
const ENGINES: Record<string, (lakeDir: string) => Promise<Engine>> = {
  duckdb: () => DuckDbEngine.open({ threads: 2 }),
  spark: (lakeDir) => SparkEngine.open({ remote: sparkRemote(), lakeDir }),
};

for (const [name, open] of Object.entries(ENGINES)) {
  describe(`engine contract: ${name}`, () => {
    const lake = tempDir(`engine-${name}-`);
    let engine: Engine;
    const reader = DuckDbEngine.open({ threads: 1 });
    after(async () => {
      await engine?.close();
      (await reader).close();
    });
    const path = (table: string) => join(lake, 'Tables', 'dbo', table);
    async function rows(table: string, order: string): Promise<Record<string, unknown>[]> {
      const r = await reader;
      const snapshot = await r.table(path(table)).readSnapshot();
      await r.exposeSnapshot({ lakehouse: 'temp', name: table, alias: `read_${table}` }, snapshot);
      return r.db.readRows(`SELECT * FROM read_${table} ORDER BY ${order}`);
    }

    test('creates, appends, and skips a write whose txn the table already recorded', async () => {
      engine = await open(lake);
      await engine.prepare();
      const table = engine.table(path('t1'));
      const first = await engine.writeQuery(table, {
        sql: 'SELECT 1::BIGINT AS id, $label::VARCHAR AS label',
        params: { label: "it's" },
        partitionBy: ['label'],
        txn: { appId: 'contract/t1', version: 1 },
      });
      assert.equal(first.status, 'committed');
      assert.equal(first.rowsWritten, 1);
      const again = await engine.writeQuery(table, {
        sql: 'SELECT 1::BIGINT AS id, $label::VARCHAR AS label',
        params: { label: "it's" },
        txn: { appId: 'contract/t1', version: 1 },
      });
      assert.equal(again.status, 'skipped');
      await engine.writeQuery(table, {
        sql: "SELECT 'b' AS label, 2::BIGINT AS id",
        txn: { appId: 'contract/t1', version: 2 },
      });
      assert.deepEqual(await rows('t1', 'id'), [
        { id: '1', label: "it's" },
        { id: '2', label: 'b' },
      ]);
      assert.equal((await table.readSnapshot()).appVersion('contract/t1'), 2);
      assert.deepEqual((await table.readSnapshot()).partitionColumns, ['label']);
    });

    test('replaceWhere overwrites only the named partitions; a schema overwrite replaces the table', async () => {
      const table = engine.table(path('t2'));
      await engine.writeQuery(table, {
        sql: 'SELECT * FROM (VALUES (1, 10), (2, 20), (3, 30)) AS v(bucket, n)',
        partitionBy: ['bucket'],
      });
      await engine.writeQuery(table, {
        sql: 'SELECT 2 AS bucket, 99 AS n UNION ALL SELECT 3, 98',
        mode: 'overwrite',
        replaceWhere: { bucket: ['2', '3'] },
      });
      assert.deepEqual(
        (await rows('t2', 'bucket')).map((r) => [r.bucket, r.n]),
        [
          [1, 10],
          [2, 99],
          [3, 98],
        ],
      );
      await engine.writeQuery(table, {
        sql: "SELECT 'x' AS word",
        mode: 'overwrite',
        schemaMode: 'overwrite',
      });
      assert.deepEqual(await rows('t2', 'word'), [{ word: 'x' }]);
      const ignored = await engine.writeQuery(table, { sql: "SELECT 'y' AS word", mode: 'ignore' });
      assert.equal(ignored.status, 'skipped');
    });

    test('watermarks are recorded with a write, and lake names read the exposed snapshot', async () => {
      const table = engine.table(path('t3'));
      await engine.writeQuery(table, { sql: 'SELECT 1 AS n' });
      const v0 = await table.readSnapshot();
      await engine.writeQuery(table, {
        sql: 'SELECT 2 AS n',
        watermarks: [
          { appId: 'contract/a', version: 7 },
          { appId: 'contract/b', version: 9 },
        ],
      });
      const latest = await table.readSnapshot();
      assert.equal(latest.appVersion('contract/a'), 7);
      assert.equal(latest.appVersion('contract/b'), 9);
      await engine.exposeSnapshot({ lakehouse: 'lh_gold', name: 't3' }, v0);
      assert.deepEqual(
        (await engine.db.readRows('SELECT count(*)::BIGINT AS n FROM lh_gold.dbo.t3')).map((r) =>
          Number(r.n),
        ),
        [1],
      );
      await engine.exposeSnapshot({ lakehouse: 'lh_gold', name: 't3' }, latest);
      assert.deepEqual(
        (await engine.db.readRows('SELECT count(*)::BIGINT AS n FROM lh_gold.dbo.t3')).map((r) =>
          Number(r.n),
        ),
        [2],
      );
      assert.deepEqual(await engine.db.columnNames('SELECT n, n + 1 AS m FROM lh_gold.dbo.t3'), ['n', 'm']);
      // Some files of a version only (an incremental step's new files), and none of them.
      const old = new Set(v0.files.map((f) => f.path));
      await engine.exposeSnapshot(
        { lakehouse: 'lh_gold', name: 't3', alias: 'added' },
        latest.withFiles(latest.files.filter((f) => !old.has(f.path))),
      );
      await engine.exposeSnapshot({ lakehouse: 'lh_gold', name: 't3', alias: 'none' }, latest.withFiles([]));
      const [subset] = await engine.db.readRows(
        'SELECT (SELECT max(n) FROM added)::BIGINT AS n, (SELECT count(*) FROM added)::BIGINT AS added, (SELECT count(*) FROM none)::BIGINT AS none',
      );
      assert.deepEqual([Number(subset!.n), Number(subset!.added), Number(subset!.none)], [2, 1, 0]);
    });

    test('temporary tables keep their rows; local staged rows are shared with the engine', async () => {
      await engine.db.run('CREATE OR REPLACE TEMP TABLE kept AS SELECT n FROM lh_gold.dbo.t3');
      await engine.local.run('CREATE OR REPLACE TEMP TABLE staged_rows AS SELECT 41 AS v UNION ALL SELECT 1');
      await engine.shareLocal(['staged_rows']);
      const [row] = await engine.db.readRows(
        'SELECT (SELECT sum(v) FROM staged_rows)::BIGINT AS s, (SELECT count(*) FROM kept)::BIGINT AS k',
      );
      assert.deepEqual([Number(row!.s), Number(row!.k)], [42, 2]);
      await engine.db.run('DROP TABLE kept');
    });
  });
}
