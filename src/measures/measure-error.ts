import { UsageError } from '../errors/usage-error.js';

/** What was wrong with a measure request. */
export type MeasureProblem =
  | 'unknown-measure'
  | 'unknown-dimension'
  | 'dimension-not-allowed'
  | 'bad-grain'
  | 'bad-date'
  | 'bad-filter'
  | 'bad-request'
  | 'missing-table';

/**
 * A measure request a user got wrong (exit code 2). It carries the bad value and the allowed
 * ones, and its message names both, so the CLI and the API can report it without rewording.
 *
 * @example
 * throw new MeasureError('unknown-measure', 'readmit', ['avg_los', 'readmission_rate'], 'unknown measure "readmit"');
 */
export class MeasureError extends UsageError {
  constructor(
    readonly problem: MeasureProblem,
    readonly value: string,
    readonly allowed: readonly string[],
    message: string,
  ) {
    super(allowed.length > 0 ? `${message}; allowed: ${allowed.join(', ')}` : message);
  }
}
