import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LakeConfig } from '../lakehouse/lake-config.js';
import { bronzeNotebook } from './bronze-notebook.js';
import { goldNotebook } from './gold-notebook.js';
import { type NotebookCell, notebookJson } from './notebook-format.js';
import type { NotebookTarget } from './notebook-target.js';
import { runnerNotebook } from './runner-notebook.js';
import { silverNotebook } from './silver-notebook.js';
import type { SparkModels } from './spark-models.js';

/** One exported notebook: its file name and cells. */
export interface ExportedNotebook {
  file: string;
  cells: NotebookCell[];
}

/**
 * The four notebooks of a lake's pipeline for a target: bronze, silver, gold and the runner.
 *
 * @example
 * pipelineNotebooks(config, notebookTarget('fabric'), readSparkModels()).map((n) => n.file);
 */
export function pipelineNotebooks(
  config: LakeConfig,
  target: NotebookTarget,
  models: SparkModels,
): ExportedNotebook[] {
  return [
    { file: 'carelake_bronze.ipynb', cells: bronzeNotebook(config, target, models) },
    { file: 'carelake_silver.ipynb', cells: silverNotebook(config, target, models) },
    { file: 'carelake_gold.ipynb', cells: goldNotebook(config, target, models) },
    { file: 'carelake_run_all.ipynb', cells: runnerNotebook(config, target) },
  ];
}

/**
 * Writes the pipeline's notebooks into `dir` (created if needed, files replaced) and returns
 * their paths.
 *
 * @example
 * await writeNotebooks('./notebooks', config, notebookTarget('fabric'), readSparkModels());
 */
export async function writeNotebooks(
  dir: string,
  config: LakeConfig,
  target: NotebookTarget,
  models: SparkModels,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const nb of pipelineNotebooks(config, target, models)) {
    const path = join(dir, nb.file);
    await writeFile(path, notebookJson(nb.cells, target.kernel));
    paths.push(path);
  }
  return paths;
}
