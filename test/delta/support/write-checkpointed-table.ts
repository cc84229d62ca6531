import type { DeltaTable } from '../../../src/delta/delta-table.js';
import { writeTable } from '../../../src/delta/write-table.js';
import type { DuckDbEngine } from '../../../src/engine/duckdb/duckdb-engine.js';

/**
 * Twelve commits to a table partitioned by `part` (values with `=`, `/`, unicode and NULL), so
 * that carelake checkpoints at version 10; each commit is an idempotent write (`txn` appId
 * 'ingest', version = the commit), and version 6 replaces the NULL partition (the checkpoint then
 * holds tombstones). Shared by the interop tests, which other engines read it in.
 *
 * @example
 * await writeCheckpointedTable(engine, table);
 */
export async function writeCheckpointedTable(engine: DuckDbEngine, table: DeltaTable): Promise<void> {
  const parts = ['x=1', 'y/2', null, 'Zürich'];
  for (let v = 0; v < 12; v++) {
    await writeTable(table, engine.writer, {
      source: {
        kind: 'query',
        sql: 'SELECT $1::BIGINT AS id, $2::VARCHAR AS part, $3::DOUBLE AS amount',
        params: [v, parts[v % 4], v / 4],
      },
      partitionBy: ['part'],
      txn: { appId: 'ingest', version: v },
      ...(v === 6 ? { mode: 'overwrite' as const, replaceWhere: { part: [null] } } : {}),
    });
  }
}
