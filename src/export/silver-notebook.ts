import { readFileSync } from 'node:fs';
import type { LakeConfig } from '../lakehouse/lake-config.js';
import type { FullModel } from '../pipeline/build-model-table.js';
import { DEFAULT_DRG_WEIGHTS, hospitalModels } from '../pipeline/hospital/run-hospital-pipeline.js';
import type { RunContext } from '../pipeline/run-context.js';
import { layerHeader, macrosCell } from './layer-notebook.js';
import { modelCells, unavailableModelCells } from './model-cells.js';
import { modelParamsExpression } from './model-params.js';
import type { NotebookCell } from './notebook-format.js';
import type { NotebookTarget } from './notebook-target.js';
import { pythonBlock, pythonLiteral } from './python-literal.js';
import type { SparkModels } from './spark-models.js';

/**
 * The cells of one full-rebuild model, called as carelake's orchestration calls it (parameters,
 * superseded deliveries, write order). Pure.
 *
 * @example
 * fullModelCells(hospitalModels(ctx).gold[0], models);
 */
export function fullModelCells(m: FullModel, models: SparkModels): NotebookCell[] {
  const layer = m.lakehouse.slice(3);
  const sql = models.sql(layer, m.model);
  if (sql === undefined) return unavailableModelCells(layer, m.model);
  const args = [
    pythonLiteral(m.lakehouse),
    pythonLiteral(m.model),
    '{sql}',
    ...(m.params ? [`params=${modelParamsExpression(m.params)}`] : []),
    ...(m.superseded
      ? [`superseded=(${pythonLiteral(m.superseded.bronzeTable)}, ${pythonLiteral(m.superseded.key)})`]
      : []),
    ...(m.orderBy ? [`order_by=${pythonLiteral(m.orderBy)}`] : []),
  ];
  return modelCells(
    layer,
    m.model,
    sql,
    (v) => `build_model(\n    ${args.map((a) => a.replace('{sql}', v)).join(',\n    ')},\n)`,
  );
}

/** carelake's orchestration of the hospital models, for a lake configuration. */
export function hospitalPlan(config: LakeConfig): ReturnType<typeof hospitalModels> {
  return hospitalModels({ lake: { dir: '', config } } as unknown as RunContext);
}

/**
 * The silver notebook: clinician_dim and emr_events (sessions pipeline), the MS-DRG weights, and
 * the hospital's encounters, claims and staffing, each rebuilt in full from bronze. Pure but for
 * reading the models and the shipped MS-DRG weights.
 *
 * @example
 * silverNotebook(config, notebookTarget('fabric'), sparkModels);
 */
export function silverNotebook(
  config: LakeConfig,
  target: NotebookTarget,
  models: SparkModels,
): NotebookCell[] {
  const cells = layerHeader(
    'silver',
    'Rebuilds every silver table in full from bronze: the clinician dimension and the deduplicated EMR events (sessions pipeline), the MS-DRG weights, and the cleansed encounters, claims and staffing. The latest delivery of a key wins; earlier deliveries, duplicates and rows that fail a rule go to `lh_silver.dbo.quarantine` with a reason code.',
    config,
    target,
    ['tables', 'duckdb_json', 'build'],
  );
  cells.push(...macrosCell(models.macros));
  const dim = models.sql('silver', 'clinician_dim');
  cells.push(
    ...(dim === undefined
      ? unavailableModelCells('silver', 'clinician_dim')
      : modelCells(
          'silver',
          'clinician_dim',
          dim,
          (v) => `build_model("lh_silver", "clinician_dim", ${v}, order_by="clinician_id")`,
        )),
  );
  const repeats = models.sql('silver', '_emr_event_repeats');
  const events = models.sql('silver', 'emr_events');
  cells.push(
    ...(repeats === undefined || events === undefined
      ? unavailableModelCells('silver', 'emr_events')
      : modelCells(
          'silver',
          'emr_events',
          events,
          (v) =>
            `# The repeated event ids, ranked by delivery (models/silver/_emr_event_repeats.sql).\nEMR_EVENT_REPEATS_SQL = ${pythonBlock(repeats)}\n\nbuild_silver_emr_events(EMR_EVENT_REPEATS_SQL, ${v})`,
        )),
  );
  const weights = models.sql('silver', 'ref_ms_drg_weights');
  cells.push(
    ...(weights === undefined
      ? unavailableModelCells('silver', 'ref_ms_drg_weights')
      : modelCells(
          'silver',
          'ref_ms_drg_weights',
          weights,
          (v) =>
            `# carelake's shipped weights (CMS FY2024 Table 5, the DRGs its generator uses), loaded only when\n# the table does not exist: a table you loaded with the full CMS file is kept.\nMS_DRG_WEIGHTS_CSV = ${pythonBlock(readFileSync(DEFAULT_DRG_WEIGHTS, 'utf8'))}\n\nensure_drg_weights(${v}, MS_DRG_WEIGHTS_CSV)`,
        )),
  );
  for (const m of hospitalPlan(config).silver) cells.push(...fullModelCells(m, models));
  return cells;
}
