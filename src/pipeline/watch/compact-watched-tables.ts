import { performance } from 'node:perf_hooks';
import { optimizeTable } from '../../delta/optimize-table.js';
import type { DuckDbEngine } from '../../engine/duckdb/duckdb-engine.js';
import { tableDir } from '../../lakehouse/lake-layout.js';
import type { Lake } from '../../lakehouse/read-lake.js';

/**
 * The tables every watch batch appends small files to. clinician_emr_sessions is not one: it
 * rewrites its own recent files, and the hospital tables are rebuilt whole.
 */
export const WATCHED_APPEND_TABLES: readonly [string, string][] = [
  ['lh_bronze', 'bronze_clinician_roles'],
  ['lh_bronze', 'bronze_clinicians'],
  ['lh_bronze', 'bronze_emr_events'],
  ['lh_bronze', 'bronze_healthcare_admissions'],
  ['lh_bronze', 'bronze_healthcare_claims'],
  ['lh_bronze', 'bronze_healthcare_staffing'],
  ['lh_bronze', 'quarantine'],
  ['lh_silver', 'emr_events'],
  ['lh_silver', 'quarantine'],
  ['lh_gold', 'quarantine'],
  ['lh_gold', 'dq_expectation_results'],
  ['lh_gold', 'alert_events'],
];

/** Files at or above this size are left as they are: only the batches' small files are merged. */
const SMALL_FILE_BYTES = 8 * 1024 * 1024;

/** What one compaction did to one table. */
export interface TableCompaction {
  table: string;
  files_removed: number;
  files_added: number;
}

/**
 * Merges the small files that watch batches leave in the tables they append to (OPTIMIZE
 * bin-packing of files under 8 MB, per partition). Rows do not change (`dataChange: false`), so
 * readers and the next batch see the same data: silver and gold tell compacted files from new
 * ones (diffLiveFiles) and stay incremental. Without it, every batch adds files that every later
 * batch lists and reads the footers of. The caller holds the run lock. Returns the tables that
 * changed.
 *
 * @example
 * const done = await compactWatchedTables(engine, lake); // [{ table: 'lh_silver.dbo.emr_events', files_removed: 640, files_added: 16 }]
 */
export async function compactWatchedTables(
  engine: DuckDbEngine,
  lake: Lake,
): Promise<{ tables: TableCompaction[]; ms: number }> {
  const started = performance.now();
  const tables: TableCompaction[] = [];
  for (const [lakehouse, name] of WATCHED_APPEND_TABLES) {
    const table = engine.table(tableDir(lake.dir, lakehouse, name), `${lakehouse}.dbo.${name}`);
    if (!(await table.exists())) continue;
    const result = await optimizeTable(table, engine.writer, { targetFileBytes: SMALL_FILE_BYTES });
    if (result.filesRemoved > 0)
      tables.push({
        table: `${lakehouse}.dbo.${name}`,
        files_removed: result.filesRemoved,
        files_added: result.filesAdded,
      });
  }
  return { tables, ms: Math.round(performance.now() - started) };
}
