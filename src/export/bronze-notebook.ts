import type { LakeConfig } from '../lakehouse/lake-config.js';
import { readModelMeta } from '../pipeline/read-model.js';
import { PIPELINE_TABLES } from '../pipeline/run-pipeline.js';
import { layerHeader, macrosCell } from './layer-notebook.js';
import { modelCells, unavailableModelCells } from './model-cells.js';
import type { NotebookCell } from './notebook-format.js';
import type { NotebookTarget } from './notebook-target.js';
import { pythonLiteral } from './python-literal.js';
import type { SparkModels } from './spark-models.js';

/**
 * The bronze notebook: every landing dataset (roles, clinicians, EMR events, admissions, claims,
 * staffing) read as carelake reads it, typed by its bronze model, appended to its bronze table
 * and its refused rows to lh_bronze quarantine with their reason codes. Pure.
 *
 * @example
 * bronzeNotebook(config, notebookTarget('fabric'), sparkModels);
 */
export function bronzeNotebook(
  config: LakeConfig,
  target: NotebookTarget,
  models: SparkModels,
): NotebookCell[] {
  const cells = layerHeader(
    'bronze',
    'Reads the landing zone (`landing_path`: CSV or Parquet files named after their dataset) and loads each new file into its bronze table. Rows a bronze model refuses, and CSV rows with the wrong number of fields, go to `lh_bronze.dbo.quarantine` with a reason code, so rows in = rows loaded + rows quarantined. A file already loaded (same name and content) is skipped.',
    config,
    target,
    ['tables', 'landing', 'ingest'],
  );
  cells.push(...macrosCell(models.macros));
  for (const [lakehouse, name] of PIPELINE_TABLES) {
    if (lakehouse !== 'lh_bronze') continue;
    const sql = models.sql('bronze', name);
    if (sql === undefined) {
      cells.push(...unavailableModelCells('bronze', name));
      continue;
    }
    const meta = readModelMeta('bronze', name);
    const landing = meta.landing!;
    cells.push(
      ...modelCells(
        'bronze',
        name,
        sql,
        (v) =>
          `ingest_landing(\n    ${pythonLiteral(name)},\n    prefix=${pythonLiteral(landing.prefix)},\n    columns=${pythonLiteral(landing.columns)},\n    typed=${pythonLiteral(meta.typedColumns ?? {})},\n    sql=${v},\n)`,
      ),
    );
  }
  return cells;
}
