import type { LakeConfig } from '../lakehouse/lake-config.js';
import { codeCell, type NotebookCell } from './notebook-format.js';
import type { NotebookTarget } from './notebook-target.js';
import { pythonLiteral, pythonString, pythonText } from './python-literal.js';

/** The parameter names every exported notebook takes, in the order the parameters cell lists them. */
export const PARAMETER_NAMES = [
  'source_time_zone',
  'staffed_beds',
  'ratio_limits',
  'max_session_minutes',
  'lakehouse_schemas',
  'lake_root',
  'landing_path',
  'batch_id',
  'ingested_at',
  'continue_on_error',
] as const;

/**
 * The `parameters` cell: the lake's settings from carelake.json (values a job or the runner may
 * override), where the tables and landing files are, and the run's identity. Structured values
 * are JSON text, so every parameter passes through `notebook.run` and Databricks widgets as a
 * string. Pure.
 *
 * @example
 * parametersCell(defaultLakeConfig('lake'), notebookTarget('fabric'));
 */
export function parametersCell(config: LakeConfig, target: NotebookTarget): NotebookCell {
  const source = `# Parameters (this is the notebook's parameters cell: the runner notebook, a pipeline or a job
# overrides these values). The lake's settings, from carelake.json when it was exported:
source_time_zone = ${pythonString(config.sourceTimeZone)}  # IANA zone in which naive source timestamps are read
staffed_beds = ${pythonLiteral(config.staffedBeds)}  # beds for occupancy (gold_healthcare_daily_census)
ratio_limits = ${pythonText(JSON.stringify(config.ratioLimits))}  # JSON: max patients per RN by unit
max_session_minutes = ${pythonLiteral(config.maxSessionMinutes ?? null)}  # cut longer sessions (None: no cap)
# Per-role inactivity windows come from the landed roles.csv (bronze_clinician_roles), as in carelake.

# Where the tables are: lakehouse -> the catalog.schema holding its tables.
lakehouse_schemas = ${pythonText(JSON.stringify(target.schemas))}
# Set lake_root to use Delta folders <lake_root>/<lakehouse>.Lakehouse/Tables/dbo/<table> instead
# (an abfss:// OneLake workspace root, or a local copy of a carelake lake).
lake_root = ""
landing_path = ${pythonString(target.landingPath)}  # the landing zone bronze reads

# This run's identity: empty means a new batch id and the current time (the runner passes one
# batch to every layer, so bronze and the quarantines of all layers share it).
batch_id = ""
ingested_at = ""
# True: a model that fails is reported (FAILED …) and the others still run; False: the run stops.
continue_on_error = False`;
  return codeCell(source, ['parameters']);
}

/**
 * Databricks only: job and `dbutils.notebook.run` parameters arrive as widgets, defaulting to the
 * parameters cell's values.
 *
 * @example
 * widgetsCell();
 */
export function widgetsCell(): NotebookCell {
  return codeCell(`# Databricks: parameters from a job or dbutils.notebook.run arrive as widgets.
for _name in ${pythonLiteral([...PARAMETER_NAMES])}:
    _value = globals()[_name]
    dbutils.widgets.text(_name, "" if _value is None else str(_value))
    globals()[_name] = dbutils.widgets.get(_name)`);
}
