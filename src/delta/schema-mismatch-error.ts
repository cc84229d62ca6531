import { CarelakeError } from '../errors/carelake-error.js';

/**
 * Data written to a table does not match its schema. Lists every offending column so the fix is
 * obvious (rename, cast, or opt in to schema evolution).
 *
 * @example
 * throw new SchemaMismatchError('/lake/t', ['missing column "a"', 'extra column "b"']);
 */
export class SchemaMismatchError extends CarelakeError {
  readonly table: string;
  readonly problems: readonly string[];

  constructor(table: string, problems: readonly string[]) {
    super(
      `Delta table ${table}: schema mismatch: ${problems.join('; ')}. ` +
        'Cast the columns to the table schema, or pass schemaMode "merge" to add new nullable columns.',
    );
    this.table = table;
    this.problems = problems;
  }
}
