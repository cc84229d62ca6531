import { lakeTable, type RunContext } from '../run-context.js';

/**
 * Appends refused rows to a lakehouse's `quarantine` table (DESIGN.md): `_source_table`,
 * `_reject_reason`, `_reject_detail`, `_raw`, `_source_file`, `_batch_id`, `_ingested_at`.
 * `sql` must yield `_reject_reason`, `_reject_detail`, `_raw` and `_source_file`; the `txn` makes
 * a re-run of the same batch a no-op (`watermarks`: more such `txn`s in the same commit, one per
 * landing file of a group), and `replace` swaps this source table's earlier rejects
 * (for layers rebuilt in full).
 *
 * @example
 * await writeQuarantine(ctx, 'lh_bronze', 'bronze_emr_events', 'SELECT … FROM model_out WHERE _reject_reason IS NOT NULL', txn);
 */
export async function writeQuarantine(
  ctx: RunContext,
  lakehouse: string,
  sourceTable: string,
  sql: string,
  txn: { appId: string; version: number } | undefined,
  params: Readonly<Record<string, string | number>> = {},
  options: { replace?: boolean; watermarks?: readonly { appId: string; version: number }[] } = {},
): Promise<void> {
  await ctx.engine.writeQuery(lakeTable(ctx, lakehouse, 'quarantine'), {
    sql: `SELECT $source_table::VARCHAR AS _source_table, q._reject_reason::VARCHAR AS _reject_reason,
              q._reject_detail::VARCHAR AS _reject_detail, q._raw::VARCHAR AS _raw, q._source_file::VARCHAR AS _source_file,
              $batch_id::VARCHAR AS _batch_id, $ingested_at::TIMESTAMPTZ AS _ingested_at
            FROM (${sql}) AS q`,
    params: {
      ...params,
      source_table: sourceTable,
      batch_id: ctx.batchId,
      ingested_at: ctx.startedAt.toISOString(),
    },
    ...(txn ? { txn } : {}),
    ...(options.watermarks?.length ? { watermarks: options.watermarks } : {}),
    // Partitioned by source table, so a layer rebuilt in full replaces exactly its own rejects.
    partitionBy: ['_source_table'],
    ...(options.replace
      ? { mode: 'overwrite' as const, replaceWhere: { _source_table: [sourceTable] } }
      : {}),
  });
}
