import { DeltaTableError } from './delta-table-error.js';
import { unsupportedWriterFeature } from './protocol-support.js';
import type { Snapshot } from './snapshot.js';

/**
 * Refuses to change a table that needs a writer feature carelake does not honour (deletion
 * vectors, row tracking, clustering, in-commit timestamps, …): a write, optimize, restore or
 * vacuum that ignored the feature would leave a table other engines read wrong (a vacuum would
 * even delete the deletion-vector files Spark still needs).
 *
 * @example
 * assertWritable('lh_gold.dbo.t', await table.readSnapshot(), 'optimize');
 */
export function assertWritable(table: string, snapshot: Snapshot, operation: string): void {
  const feature = unsupportedWriterFeature(snapshot.protocol);
  if (feature === undefined) return;
  throw new DeltaTableError({
    table,
    version: snapshot.version,
    problem: 'unsupported-feature',
    detail: `unsupported feature ${feature} for writing: carelake cannot ${operation} this table (it was written by an engine with table features carelake does not implement)`,
  });
}
