import { toSparkSql } from '../engine/spark/dialect/to-spark-sql.js';
import type { LakeConfig } from '../lakehouse/lake-config.js';
import { readModelMeta } from '../pipeline/read-model.js';
import { PIPELINE_TABLES } from '../pipeline/run-pipeline.js';
import { layerHeader, macrosCell } from './layer-notebook.js';
import { modelCells, unavailableModelCells } from './model-cells.js';
import { codeCell, markdownCell, type NotebookCell } from './notebook-format.js';
import type { NotebookTarget } from './notebook-target.js';
import { pythonBlock, pythonLiteral } from './python-literal.js';
import { fullModelCells, hospitalPlan } from './silver-notebook.js';
import type { SparkModels } from './spark-models.js';
import { tablePlaceholder } from './table-placeholder.js';

/** The last cells: every model's expectations, checked and recorded as `carelake run` does. */
function expectationCells(): NotebookCell[] {
  const rules = PIPELINE_TABLES.map(([lakehouse, name]) => {
    const expectations = (readModelMeta(lakehouse.slice(3), name).expectations ?? []).map((e) =>
      // A row rule is SQL from the model's metadata: Spark SQL through the same rewrite.
      e.rule === 'row' && e.sql !== undefined
        ? { ...e, sql: toSparkSql(e.sql, { table: tablePlaceholder }) }
        : e,
    );
    return `    (${pythonLiteral(lakehouse)}, ${pythonLiteral(name)}, ${pythonLiteral(expectations)}),`;
  });
  return [
    markdownCell(
      "## Expectations\n\nEvery model's declared rules (from its .json metadata) checked on its table, one row per table, column and rule appended to `lh_gold.dbo.dq_expectation_results`, as `carelake run` records them. A breach is recorded, not raised.",
    ),
    codeCell(`EXPECTATIONS = [\n${rules.join('\n')}\n]\n\nwrite_expectation_results(EXPECTATIONS)`),
  ];
}

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
    ['tables', 'duckdb_json', 'build', 'quality'],
  );
  cells.push(...macrosCell(models.macros));
  const sessions = models.sql('gold', 'clinician_emr_sessions', { shared: true });
  const numbered = models.sql('gold', '_session_numbered');
  const events = models.sql('gold', '_session_events');
  const capped = models.sql('gold', '_session_events_capped');
  cells.push(
    ...(sessions === undefined || numbered === undefined || events === undefined || capped === undefined
      ? unavailableModelCells('gold', 'clinician_emr_sessions')
      : modelCells(
          'gold',
          'clinician_emr_sessions',
          sessions,
          (
            v,
          ) => `# The events of the clinicians in the buckets, numbered into sessions (models/gold/_session_numbered.sql).
SESSION_NUMBERED_SQL = ${pythonBlock(numbered)}

# session_events: the numbered events as they are (models/gold/_session_events.sql), or, when
# max_session_minutes is set, with sessions also cut at that length (_session_events_capped).
SESSION_EVENTS_SQL = ${pythonBlock(events)}

SESSION_EVENTS_CAPPED_SQL = ${pythonBlock(capped)}

run_sql(SESSION_NUMBERED_SQL)
run_sql(SESSION_EVENTS_SQL if max_session_minutes is None else SESSION_EVENTS_CAPPED_SQL)
build_model(
    "lh_gold",
    "clinician_emr_sessions",
    ${v},
    params={
        "buckets": list(range(CLINICIAN_BUCKETS)),
        "source_time_zone": source_time_zone,
        "max_session_us": None if max_session_minutes is None else max_session_minutes * 60_000_000,
    },
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
  cells.push(...expectationCells());
  return cells;
}
