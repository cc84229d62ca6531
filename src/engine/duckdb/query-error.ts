import { UsageError } from '../../errors/usage-error.js';

/**
 * A query the user got wrong, or one refused or cancelled (exit code 2, HTTP 400): its message
 * names the problem (an unknown table with the tables there are, a syntax error with its
 * position, a file outside the lake) and never echoes a row value.
 *
 * @example
 * throw new QueryError('unknown table "kpis"; tables: lh_gold.dbo.gold_healthcare_kpis, …');
 */
export class QueryError extends UsageError {}
