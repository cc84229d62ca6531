import { CarelakeError } from './carelake-error.js';

/**
 * A command was called wrongly or the configuration is incomplete (exit code 2). The message
 * names the bad value and says what to do instead.
 *
 * @example
 * throw new UsageError('unknown format "xml": use table, csv or json');
 */
export class UsageError extends CarelakeError {
  constructor(message: string) {
    super(message, { exitCode: 2 });
  }
}
