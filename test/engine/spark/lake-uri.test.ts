import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { SparkEngine } from '../../../src/engine/spark/spark-engine.js';
import { sparkRemote } from '../../helpers/spark-client.js';
import { tempDir } from '../../helpers/temp-dir.js';

// A cluster sees the lake's storage under another name (abfss://…, s3://…) than the machine
// running carelake: with a lake URI, every path Spark reads or writes is the mapped one. Here the
// other name is a second path to the same folder, and Spark says which files it read.
test('Spark reads and writes the lake through its lake URI', async () => {
  const root = tempDir('lake-uri-');
  const lake = join(root, 'lake');
  const clusterView = join(root, 'mounted-elsewhere');
  const engine = await SparkEngine.open({
    remote: sparkRemote(),
    lakeDir: lake,
    lakeUri: `file://${clusterView}`,
  });
  after(() => engine.close());
  mkdirSync(lake);
  symlinkSync(lake, clusterView);
  const table = engine.table(join(lake, 'lh_gold.Lakehouse', 'Tables', 'dbo', 't'));
  await engine.writeQuery(table, { sql: 'SELECT 1 AS n' });
  await engine.exposeSnapshot({ lakehouse: 'lh_gold', name: 't' }, await table.readSnapshot());
  const [row] = await engine.db.readRows('SELECT input_file_name() AS f, n FROM lh_gold.dbo.t');
  // Spark writes file URIs as file:/path.
  assert.ok(
    String(row!.f).startsWith(`file:${clusterView}/lh_gold.Lakehouse/Tables/dbo/t/part-`),
    String(row!.f),
  );
  assert.equal(Number(row!.n), 1);
});
