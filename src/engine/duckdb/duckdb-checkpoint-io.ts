import { rm, stat, writeFile } from 'node:fs/promises';
import type { Action } from '../../delta/actions.js';
import type { CheckpointIO } from '../../delta/checkpoint-io.js';
import { parseLosslessJson, stringifyLosslessJson } from '../../delta/lossless-json.js';
import type { DuckDbDatabase } from './duckdb-database.js';

const MAP = 'MAP(VARCHAR, VARCHAR)';
// The classic checkpoint schema (PROTOCOL.md, "Checkpoint Schema"), as Spark and delta-rs read it.
const COLUMNS = {
  txn: 'STRUCT(appId VARCHAR, version BIGINT, lastUpdated BIGINT)',
  add: `STRUCT(path VARCHAR, partitionValues ${MAP}, size BIGINT, modificationTime BIGINT, dataChange BOOLEAN, stats VARCHAR, tags ${MAP})`,
  remove: `STRUCT(path VARCHAR, deletionTimestamp BIGINT, dataChange BOOLEAN, extendedFileMetadata BOOLEAN, partitionValues ${MAP}, size BIGINT, tags ${MAP})`,
  metaData: `STRUCT(id VARCHAR, name VARCHAR, description VARCHAR, format STRUCT(provider VARCHAR, options ${MAP}), schemaString VARCHAR, partitionColumns VARCHAR[], configuration ${MAP}, createdTime BIGINT)`,
  protocol:
    'STRUCT(minReaderVersion INTEGER, minWriterVersion INTEGER, readerFeatures VARCHAR[], writerFeatures VARCHAR[])',
};
const KINDS = ['txn', 'add', 'remove', 'metaData', 'protocol'] as const;
// A constant of this module (not a value from outside), so it is written into the SQL text.
const COLUMNS_SQL = `{${Object.entries(COLUMNS)
  .map(([k, v]) => `"${k}": '${v}'`)
  .join(', ')}}`;

/**
 * Reads and writes classic Parquet checkpoints with DuckDB. Rows come back through `to_json`,
 * whose int64 text the lossless parser keeps exact.
 *
 * @example
 * const io = new DuckDbCheckpointIO(db); const actions = await io.readCheckpoint([path]);
 */
export class DuckDbCheckpointIO implements CheckpointIO {
  constructor(private readonly db: DuckDbDatabase) {}

  async readCheckpoint(paths: readonly string[]): Promise<Action[]> {
    const rows = await this.db.readRows(
      'SELECT to_json(cp)::VARCHAR AS j FROM read_parquet($1, hive_partitioning = false, union_by_name = true) cp',
      [paths],
    );
    const actions: Action[] = [];
    for (const row of rows) {
      const record = parseLosslessJson(row.j as string) as Record<string, unknown>;
      for (const kind of KINDS) {
        const value = record[kind];
        if (value !== null && value !== undefined)
          actions.push({ [kind]: stripNulls(value) } as unknown as Action);
      }
    }
    return actions;
  }

  async writeCheckpoint(path: string, actions: readonly Action[]): Promise<number> {
    const ndjson = `${path}.ndjson`;
    await writeFile(ndjson, actions.map((a) => stringifyLosslessJson(a)).join('\n') + '\n');
    try {
      await this.db.run(
        `COPY (SELECT ${KINDS.map((k) => `"${k}"`).join(', ')} FROM read_json($1, format = 'newline_delimited', columns = ${COLUMNS_SQL}))
         TO $2 (FORMAT parquet, COMPRESSION snappy)`,
        [ndjson, path],
      );
    } finally {
      await rm(ndjson, { force: true });
    }
    return (await stat(path)).size;
  }
}

// Spark leaves absent optional fields null in checkpoints; the JSON form omits them.
function stripNulls(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null && k !== 'partitionValues') continue;
    out[k] = k === 'partitionValues' ? (v ?? {}) : v;
  }
  return out;
}
