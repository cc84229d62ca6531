import assert from 'node:assert/strict';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { landingDir } from '../../src/lakehouse/lake-layout.js';
import { PIPELINE_TABLES } from '../../src/pipeline/run-pipeline.js';
import { runPython } from '../delta/support/run-python.js';
import { makeGeneratedLake } from '../helpers/generated-lake.js';
import { openTestEngine } from '../helpers/open-test-engine.js';
import { queryLake, runPipeline } from '../helpers/pipeline-lake.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { compareLakeTable, type TableComparison } from './support/compare-lake-tables.js';
import { typedRawNormalized } from './support/typed-raw.js';

// The exported Fabric notebooks, run on local PySpark with delta-spark (test/interop/
// run_notebooks.py: the runner notebook runs bronze, silver and gold through
// notebookutils.notebook.run), build the same tables from the same landing files as
// `carelake run all` on DuckDB. The notebooks write Delta folders in a second lake (parameter
// lake_root: the OneLake layout), with the batch id and time of the DuckDB run (parameters
// batch_id, ingested_at), so every column can compare. carelake's own reader reads both lakes:
// same schema, same partitions, same rows, same quarantine counts per reason.

const lake = await makeGeneratedLake();
await runPipeline(lake, 'all');
const sparkLake = join(tempDir('notebook-lake-'), 'lake');
assert.equal((await runCliCaptured(['init', '--lake', sparkLake])).code, 0);
cpSync(landingDir(lake), landingDir(sparkLake), { recursive: true });
const notebooks = tempDir('notebooks-');
const exported = await runCliCaptured([
  'export',
  'notebooks',
  '--target',
  'fabric',
  '--out',
  notebooks,
  '--lake',
  lake,
]);
assert.equal(exported.code, 0, exported.stderr);
const [run] = await queryLake(
  lake,
  "SELECT DISTINCT _bronze_batch_id AS batch_id, strftime(_bronze_ingested_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS at FROM lh_bronze.dbo.bronze_emr_events",
);
const result = await runPython<{ ok: boolean; failed: { model: string; error: string }[] }>(
  'run_notebooks.py',
  [
    JSON.stringify({
      runs: [
        {
          dir: notebooks,
          notebook: 'carelake_run_all',
          parameters: {
            lake_root: sparkLake,
            landing_path: landingDir(sparkLake),
            batch_id: run!.batch_id,
            ingested_at: run!.at,
            continue_on_error: true,
          },
        },
      ],
    }),
  ],
  300_000,
);
const engine = await openTestEngine();

test('the exported notebooks build the same tables on Spark as carelake on DuckDB', async () => {
  assert.ok(result.ok);
  const comparisons: TableComparison[] = [];
  for (const [lakehouse, name] of PIPELINE_TABLES)
    comparisons.push(await compareLakeTable(engine, lake, sparkLake, lakehouse, name));
  for (const lakehouse of ['lh_bronze', 'lh_silver']) {
    comparisons.push(await compareLakeTable(engine, lake, sparkLake, lakehouse, 'quarantine'));
    comparisons.push({
      ...(await compareLakeTable(engine, lake, sparkLake, lakehouse, 'quarantine', typedRawNormalized)),
      table: `${lakehouse}.dbo.quarantine (typed Parquet values in _raw as text)`,
    });
  }
  const failed = Object.fromEntries(result.failed.map((f) => [f.model, f.error]));
  if (process.env.CARELAKE_NOTEBOOK_REPORT)
    writeFileSync(process.env.CARELAKE_NOTEBOOK_REPORT, JSON.stringify({ failed, comparisons }, null, 1));
});
