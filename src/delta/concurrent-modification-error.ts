import { CarelakeError } from '../errors/carelake-error.js';

/**
 * A commit lost to a concurrent writer whose changes conflict with what this transaction read
 * or removed (or the retry bound was reached). Carries the conflicting version and the rule.
 *
 * @example
 * throw new ConcurrentModificationError({ table: '/lake/t', version: 7, conflict: 'concurrent-delete-read', detail: 'part-0.parquet' });
 */
export class ConcurrentModificationError extends CarelakeError {
  readonly table: string;
  readonly version: number;
  readonly conflict: string;

  constructor(args: { table: string; version: number; conflict: string; detail: string }) {
    super(
      `Delta table ${args.table}: concurrent modification at version ${args.version} (${args.conflict}): ${args.detail}; re-run the operation`,
    );
    this.table = args.table;
    this.version = args.version;
    this.conflict = args.conflict;
  }
}
