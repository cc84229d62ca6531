import { resolve } from 'node:path';
import { UsageError } from '../../errors/usage-error.js';
import { writeNotebooks } from '../../export/export-notebooks.js';
import { notebookTarget } from '../../export/notebook-target.js';
import { readSparkModels } from '../../export/spark-models.js';
import { readLake, resolveLakeDir } from '../../lakehouse/read-lake.js';
import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';

const help = `Usage: carelake export notebooks --target fabric|databricks [--out DIR] [--lake DIR] [--catalog NAME]

Writes the pipeline as Jupyter notebooks (.ipynb) that run carelake's own models with Spark SQL
on Microsoft Fabric or Databricks and build the same tables carelake builds:

  carelake_bronze.ipynb    landing files → bronze tables (+ lh_bronze quarantine)
  carelake_silver.ipynb    bronze → silver tables (+ lh_silver quarantine)
  carelake_gold.ipynb      silver → gold tables
  carelake_run_all.ipynb   runs the three in order with one batch id

Tables are lh_bronze.dbo.…, lh_silver.dbo.…, lh_gold.dbo.… on Fabric (schema-enabled
lakehouses) and <catalog>.lh_bronze.… on Databricks Unity Catalog (--catalog, default main).
The lake's settings (source time zone, staffed beds, ratio limits, …) are read from
carelake.json into each notebook's parameters cell; the notebooks need no carelake install.
See docs/notebooks.md for importing them.

Options:
  --target fabric|databricks   the platform (required)
  --out DIR                    where to write the notebooks (default ./notebooks)
  --lake DIR                   the lake whose carelake.json supplies the settings
  --catalog NAME               Databricks: the Unity Catalog catalog (default main)

Example:
  carelake export notebooks --target fabric --out ./notebooks --lake ./lakehouse
`;

const command: Command = {
  help,
  async run(args, io) {
    const { values, positionals } = parseOptions('export', args, {
      target: { type: 'string' },
      out: { type: 'string' },
      lake: { type: 'string' },
      catalog: { type: 'string' },
    });
    if (positionals.length !== 1 || positionals[0] !== 'notebooks')
      throw new UsageError(
        'export: use "carelake export notebooks --target fabric|databricks"; see carelake export --help',
      );
    if (values.target === undefined)
      throw new UsageError('export: --target is required: fabric or databricks');
    const target = notebookTarget(
      values.target,
      values.catalog === undefined ? {} : { catalog: values.catalog },
    );
    const lake = await readLake(resolveLakeDir(values.lake, io.env, io.cwd));
    const out = resolve(io.cwd, values.out ?? 'notebooks');
    const paths = await writeNotebooks(out, lake.config, target, readSparkModels());
    io.stdout.write(`Wrote ${paths.length} ${target.name} notebooks to ${out}:\n`);
    for (const path of paths) io.stdout.write(`  ${path}\n`);
    io.stdout.write('Import them into your workspace and run carelake_run_all (see docs/notebooks.md).\n');
    return 0;
  },
};

export default command;
