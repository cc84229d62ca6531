import { UsageError } from '../errors/usage-error.js';
import type { NotebookKernel } from './notebook-format.js';

/** Where exported notebooks run. */
export type NotebookTargetName = 'fabric' | 'databricks';

/** What differs between the platforms: the kernel, where tables and landing files are, how a notebook runs another. */
export interface NotebookTarget {
  name: NotebookTargetName;
  kernel: NotebookKernel;
  /** lh_bronze/lh_silver/lh_gold → the `catalog.schema` (or `lakehouse.schema`) holding its tables. */
  schemas: Record<string, string>;
  landingPath: string;
  /** Python that runs the notebook named by the Python expression `name` with `run_parameters`. */
  runCall: (name: string) => string;
  /** Job and `dbutils.notebook.run` parameters arrive as widgets (Databricks). */
  widgets: boolean;
}

/**
 * The target of `carelake export notebooks --target`. On Databricks, `catalog` names the Unity
 * Catalog catalog whose schemas lh_bronze, lh_silver and lh_gold hold the tables (default main).
 *
 * @example
 * notebookTarget('fabric').schemas.lh_gold; // 'lh_gold.dbo'
 */
export function notebookTarget(name: string, options: { catalog?: string } = {}): NotebookTarget {
  if (name === 'fabric') {
    if (options.catalog !== undefined)
      throw new UsageError(
        'export: --catalog is for --target databricks; Fabric lakehouses are lh_bronze, lh_silver, lh_gold',
      );
    return {
      name,
      kernel: { name: 'synapse_pyspark', display_name: 'Synapse PySpark' },
      schemas: { lh_bronze: 'lh_bronze.dbo', lh_silver: 'lh_silver.dbo', lh_gold: 'lh_gold.dbo' },
      landingPath: 'Files/landing/healthcare',
      // notebookutils is Fabric's current name; mssparkutils the older one.
      runCall: (nb) =>
        `(notebookutils if "notebookutils" in globals() else mssparkutils).notebook.run(${nb}, timeout_seconds, run_parameters)`,
      widgets: false,
    };
  }
  if (name === 'databricks') {
    const catalog = options.catalog ?? 'main';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(catalog))
      throw new UsageError(
        `export: --catalog "${catalog}" is not a plain catalog name; use letters, digits and _`,
      );
    return {
      name,
      kernel: { name: 'python3', display_name: 'Python 3' },
      schemas: {
        lh_bronze: `${catalog}.lh_bronze`,
        lh_silver: `${catalog}.lh_silver`,
        lh_gold: `${catalog}.lh_gold`,
      },
      landingPath: `/Volumes/${catalog}/lh_bronze/landing/healthcare`,
      runCall: (nb) =>
        `dbutils.notebook.run("./" + ${nb}, timeout_seconds, {k: "" if v is None else str(v) for k, v in run_parameters.items()})`,
      widgets: true,
    };
  }
  throw new UsageError(`export: unknown --target "${name}"; use fabric or databricks`);
}
