import type { LakeConfig } from '../lakehouse/lake-config.js';
import { layerHeader, macrosCell } from './layer-notebook.js';
import { modelCells, unavailableModelCells } from './model-cells.js';
import type { NotebookCell } from './notebook-format.js';
import type { NotebookTarget } from './notebook-target.js';
import { fullModelCells, hospitalPlan } from './silver-notebook.js';
import type { SparkModels } from './spark-models.js';

/**
 * The gold notebook: clinician sessions (every clinician bucket at once) and their daily
 * summary, then the hospital KPIs, each rebuilt in full from silver. Pure.
 *
 * @example
 * goldNotebook(config, notebookTarget('fabric'), sparkModels);
 */
export function goldNotebook(
  config: LakeConfig,
  target: NotebookTarget,
  models: SparkModels,
): NotebookCell[] {
  const cells = layerHeader(
    'gold',
    "Rebuilds every gold table in full from silver: the clinician EMR sessions (per-clinician inactivity windows) and their daily summary per role, then the hospital KPIs (per DRG and payer, daily census and occupancy, ED throughput, denials, staffing ratios, LACE readmission risk and the risk model's AUC).",
    config,
    target,
    ['tables', 'duckdb_json', 'build'],
  );
  cells.push(...macrosCell(models.macros));
  const sessions = models.sql('gold', 'clinician_emr_sessions');
  cells.push(
    ...(sessions === undefined
      ? unavailableModelCells('gold', 'clinician_emr_sessions')
      : modelCells(
          'gold',
          'clinician_emr_sessions',
          sessions,
          (v) => `if max_session_minutes is not None:
    raise ValueError("max_session_minutes is set, and cutting long sessions is not available on Spark yet; clear it or use carelake's DuckDB engine")
# The model reads silver emr_events and clinician_dim as these two views.
read_table("lh_silver", "emr_events").createOrReplaceTempView("emr_events")
read_table("lh_silver", "clinician_dim").createOrReplaceTempView("clinician_dim")
build_model(
    "lh_gold",
    "clinician_emr_sessions",
    ${v},
    params={"buckets": list(range(CLINICIAN_BUCKETS)), "source_time_zone": source_time_zone},
    partition_by=["clinician_bucket"],
)`,
        )),
  );
  const summary = models.sql('gold', 'gold_clinician_session_summary');
  cells.push(
    ...(summary === undefined
      ? unavailableModelCells('gold', 'gold_clinician_session_summary')
      : modelCells(
          'gold',
          'gold_clinician_session_summary',
          summary,
          (v) =>
            `build_model("lh_gold", "gold_clinician_session_summary", ${v}, order_by="session_date, clinician_role")`,
        )),
  );
  for (const m of hospitalPlan(config).gold) cells.push(...fullModelCells(m, models));
  return cells;
}
