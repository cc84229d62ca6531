import { CarelakeError } from '../errors/carelake-error.js';

/** What went wrong with a table's log or files; stable codes for callers and tests. */
export type DeltaProblem =
  | 'not-a-table'
  | 'corrupt-log'
  | 'missing-version'
  | 'corrupt-checkpoint'
  | 'unsupported-feature'
  | 'missing-file'
  | 'invalid-operation';

/**
 * A Delta table cannot be read or written as asked. Names the table, the version (when one is
 * involved) and the problem.
 *
 * @example
 * throw new DeltaTableError({ table: '/lake/t', version: 3, problem: 'corrupt-log', detail: 'line 2 is not JSON' });
 */
export class DeltaTableError extends CarelakeError {
  readonly table: string;
  readonly version: number | undefined;
  readonly problem: DeltaProblem;

  constructor(args: {
    table: string;
    version?: number;
    problem: DeltaProblem;
    detail: string;
    cause?: unknown;
  }) {
    const at = args.version === undefined ? '' : ` at version ${args.version}`;
    super(`Delta table ${args.table}${at}: ${args.problem}: ${args.detail}`, { cause: args.cause });
    this.table = args.table;
    this.version = args.version;
    this.problem = args.problem;
  }
}
