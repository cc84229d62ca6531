import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { toSparkSql } from '../../src/engine/spark/dialect/to-spark-sql.js';
import { UsageError } from '../../src/errors/usage-error.js';
import { pipelineNotebooks } from '../../src/export/export-notebooks.js';
import { notebookJson } from '../../src/export/notebook-format.js';
import { notebookTarget } from '../../src/export/notebook-target.js';
import { pythonBlock, pythonLiteral, pythonText } from '../../src/export/python-literal.js';
import { readSparkModels } from '../../src/export/spark-models.js';
import { tablePlaceholder } from '../../src/export/table-placeholder.js';
import { defaultLakeConfig } from '../../src/lakehouse/lake-config.js';
import { readModelMeta, readModelSql } from '../../src/pipeline/read-model.js';
import { PIPELINE_TABLES } from '../../src/pipeline/run-pipeline.js';
import { runPython } from '../delta/support/run-python.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

// The notebooks' shape (pure): what a data engineer and Fabric/Databricks rely on. The test that
// runs them on Spark is notebooks-on-spark.test.ts.

const config = { ...defaultLakeConfig('st-marys'), sourceTimeZone: 'America/Chicago', staffedBeds: 412 };
const models = readSparkModels();
const text = (cell: { source: string[] }) => cell.source.join('');

for (const name of ['fabric', 'databricks'] as const) {
  test(`${name}: four nbformat 4 notebooks, each with one parameters cell holding the lake's settings`, () => {
    const target = notebookTarget(name);
    const notebooks = pipelineNotebooks(config, target, models);
    assert.deepEqual(
      notebooks.map((n) => n.file),
      ['carelake_bronze.ipynb', 'carelake_silver.ipynb', 'carelake_gold.ipynb', 'carelake_run_all.ipynb'],
    );
    for (const nb of notebooks) {
      const json = JSON.parse(notebookJson(nb.cells, target.kernel));
      assert.equal(json.nbformat, 4);
      assert.equal(json.metadata.kernelspec.name, name === 'fabric' ? 'synapse_pyspark' : 'python3');
      const parameters = nb.cells.filter((c) => c.metadata.tags?.includes('parameters'));
      assert.equal(parameters.length, 1, nb.file);
      assert.equal(nb.cells.indexOf(parameters[0]!), 1, `${nb.file}: parameters right after the title`);
      const p = text(parameters[0]!);
      assert.match(p, /source_time_zone = "America\/Chicago"/);
      assert.match(p, /staffed_beds = 412/);
      assert.match(p, /ratio_limits = '\{"ICU":2,/);
      assert.equal(
        nb.cells.some((c) => text(c).includes('dbutils.widgets.get')),
        name === 'databricks',
      );
    }
    const runner = text(notebooks[3]!.cells.at(-1)!);
    assert.match(
      runner,
      name === 'fabric'
        ? /notebookutils.*\.notebook\.run\(notebook,/
        : /dbutils\.notebook\.run\("\.\/" \+ notebook,/,
    );
    const schemas = name === 'fabric' ? 'lh_gold.dbo' : 'main.lh_gold';
    assert.ok(text(notebooks[0]!.cells[1]!).includes(schemas));
  });
}

test('one markdown cell per model (grain and key from its metadata), then one code cell with its SQL from models/', () => {
  const notebooks = pipelineNotebooks(config, notebookTarget('fabric'), models);
  const cells = notebooks.flatMap((n) => n.cells);
  for (const [lakehouse, name] of PIPELINE_TABLES) {
    const meta = readModelMeta(lakehouse.slice(3), name);
    const at = cells.findIndex(
      (c) => c.cell_type === 'markdown' && text(c).startsWith(`### \`${meta.table}\``),
    );
    assert.ok(at >= 0, `${meta.table} has its markdown cell`);
    assert.ok(text(cells[at]!).includes(`**Grain:** ${meta.grain}`));
    assert.ok(text(cells[at]!).includes(`**Key:** ${meta.key.map((k) => `\`${k}\``).join(', ')}`));
    const code = text(cells[at + 1]!);
    assert.equal(cells[at + 1]!.cell_type, 'code');
    // Never hand-copied: the model's file through carelake's Spark rewrite, as it is.
    const sql = toSparkSql(readModelSql(lakehouse.slice(3), name), {
      table: tablePlaceholder,
      csv: () => 'drg_weights_csv',
    });
    assert.ok(code.includes(sql.replace(/\n+$/, '')), `${meta.table}: the code cell holds the model's SQL`);
    assert.equal(
      (code.match(/^(build_model|ingest_landing|build_silver_emr_events|ensure_drg_weights)\(/gm) ?? [])
        .length,
      1,
    );
  }
});

test('every code cell of both targets is valid Python', async () => {
  const dir = tempDir('notebooks-compile-');
  const paths: string[] = [];
  for (const name of ['fabric', 'databricks'] as const) {
    const target = notebookTarget(name);
    for (const nb of pipelineNotebooks(config, target, models)) {
      const path = join(dir, `${name}-${nb.file}`);
      writeFileSync(path, notebookJson(nb.cells, target.kernel));
      paths.push(path);
    }
  }
  assert.deepEqual(await runPython('compile_cells.py', [JSON.stringify(paths)]), []);
});

test('Python literals: SQL reads as written, anything else escapes', () => {
  assert.equal(pythonLiteral({ a: [1, null, true], b: 'x"y' }), '{"a": [1, None, True], "b": "x\\"y"}');
  assert.equal(pythonBlock("select '\\d'\n"), `r"""\nselect '\\d'\n"""`);
  assert.equal(pythonBlock('a """ b'), '"a \\"\\"\\" b\\n"');
  assert.equal(pythonBlock('ends with \\'), '"ends with \\\\\\n"');
  assert.equal(pythonText('{"ICU":2}'), `'{"ICU":2}'`);
  assert.equal(pythonText("it's"), '"it\'s"');
});

test('targets: unknown names and unusable catalogs are usage errors that say what to use', () => {
  assert.throws(
    () => notebookTarget('synapse'),
    (e) => e instanceof UsageError && /fabric or databricks/.test(e.message),
  );
  assert.throws(() => notebookTarget('databricks', { catalog: 'a-b' }), UsageError);
  assert.throws(() => notebookTarget('fabric', { catalog: 'main' }), UsageError);
  assert.equal(notebookTarget('databricks', { catalog: 'hospital' }).schemas.lh_silver, 'hospital.lh_silver');
});

test('carelake export notebooks: writes the four notebooks; wrong use exits 2 with what to do', async () => {
  const lake = join(tempDir('export-cli-'), 'lake');
  assert.equal((await runCliCaptured(['init', '--lake', lake])).code, 0);
  const out = join(tempDir('export-out-'), 'nb');
  const ok = await runCliCaptured([
    'export',
    'notebooks',
    '--target',
    'databricks',
    '--catalog',
    'hospital',
    '--out',
    out,
    '--lake',
    lake,
  ]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /Wrote 4 databricks notebooks/);
  const bronze = JSON.parse(readFileSync(join(out, 'carelake_bronze.ipynb'), 'utf8'));
  assert.ok(JSON.stringify(bronze).includes('hospital.lh_bronze'));
  const missing = await runCliCaptured(['export', 'notebooks', '--lake', lake]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--target is required: fabric or databricks/);
  const wrong = await runCliCaptured(['export', 'tables', '--target', 'fabric', '--lake', lake]);
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /carelake export notebooks --target/);
  const help = await runCliCaptured(['export', '--help']);
  assert.match(help.stdout, /Example:\n {2}carelake export notebooks --target fabric/);
});
