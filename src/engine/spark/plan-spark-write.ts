import type { ReplaceWhere } from '../../delta/write-table.js';
import { UsageError } from '../../errors/usage-error.js';
import { quoteSparkIdentifier } from './quote-spark-identifier.js';
import type { SparkSqlParam } from './to-spark-literal.js';

/** What a Delta write asks for, in the terms of carelake's writer (src/delta/write-table.ts). */
export interface SparkWriteRequest {
  mode?: 'append' | 'overwrite' | 'error' | 'ignore';
  partitionBy?: readonly string[];
  replaceWhere?: ReplaceWhere;
  schemaMode?: 'merge' | 'overwrite';
  configuration?: Record<string, string>;
}

/** The Spark SQL statement that performs a write, with the parameters its predicate binds. */
export interface SparkWriteStatement {
  sql: string;
  params: Record<string, SparkSqlParam>;
}

/**
 * The one Spark SQL statement that writes `query` (Spark SQL) into the Delta table at `target`
 * (a `delta.\`uri\`` name) as carelake's writer would, or undefined when there is nothing to do
 * (mode ignore on an existing table). Pure.
 *
 * Guarantees: a new table is created with its partition columns and properties (CREATE TABLE …
 * AS, any mode); an append or a replaceWhere overwrite inserts by the table's column names
 * (`columns`, selected in the existing schema's order), never by the query's order, so a model that lists its
 * columns in another order still lands in the right ones; an overwrite that replaces the
 * schema (the pipeline's full rebuilds) is CREATE OR REPLACE TABLE, which keeps the table's
 * history; replaceWhere values are bound parameters, numbers for the `integerColumns`. Mode error on an existing table is a
 * UsageError.
 *
 * @example
 * planSparkWrite({ mode: 'append' }, 'delta.`/lake/t`', 'SELECT 1 AS id', ['id']);
 * // { sql: 'INSERT INTO delta.`/lake/t` SELECT `id` FROM (SELECT 1 AS id) AS q', params: {} }
 */
export function planSparkWrite(
  request: SparkWriteRequest,
  target: string,
  query: string,
  columns: readonly string[] | undefined,
  integerColumns: ReadonlySet<string> = new Set(),
): SparkWriteStatement | undefined {
  const mode = request.mode ?? 'append';
  if (columns === undefined)
    return { sql: createStatement('CREATE TABLE', request, target, query), params: {} };
  if (mode === 'ignore') return undefined;
  if (mode === 'error') throw new UsageError(`${target} already exists (write mode "error")`);
  if (mode === 'overwrite' && request.replaceWhere === undefined && request.schemaMode === 'overwrite')
    return { sql: createStatement('CREATE OR REPLACE TABLE', request, target, query), params: {} };
  const names = columns.map(quoteSparkIdentifier).join(', ');
  const select = `SELECT ${names} FROM (${query}) AS q`;
  // Spark inserts by position (REPLACE WHERE takes no column list): the select lists the
  // table's columns in the table's order.
  if (mode === 'append') return { sql: `INSERT INTO ${target} ${select}`, params: {} };
  if (request.replaceWhere === undefined) return { sql: `INSERT OVERWRITE ${target} ${select}`, params: {} };
  const { predicate, params } = replaceWherePredicate(request.replaceWhere, integerColumns);
  return { sql: `INSERT INTO ${target} REPLACE WHERE ${predicate} ${select}`, params };
}

function createStatement(verb: string, request: SparkWriteRequest, target: string, query: string): string {
  const partitions = request.partitionBy?.length
    ? ` PARTITIONED BY (${request.partitionBy.map(quoteSparkIdentifier).join(', ')})`
    : '';
  const properties = Object.entries(request.configuration ?? {});
  const tblproperties = properties.length
    ? ` TBLPROPERTIES (${properties.map(([k, v]) => `${sparkString(k)} = ${sparkString(v)}`).join(', ')})`
    : '';
  return `${verb} ${target} USING DELTA${partitions}${tblproperties} AS ${query}`;
}

/** `a IN (:rw0, :rw1) AND (b IS NULL OR b IN (:rw2))`, values bound as parameters. */
function replaceWherePredicate(
  replaceWhere: ReplaceWhere,
  integerColumns: ReadonlySet<string>,
): {
  predicate: string;
  params: Record<string, SparkSqlParam>;
} {
  const params: Record<string, SparkSqlParam> = {};
  const terms = Object.entries(replaceWhere).map(([column, values]) => {
    const col = quoteSparkIdentifier(column);
    const names = values
      .filter((v) => v !== null)
      .map((v) => {
        const name = `rw${Object.keys(params).length}`;
        // Delta applies replaceWhere only to a predicate it can push down: the column compared
        // with values of its own type, never wrapped in a cast.
        params[name] = integerColumns.has(column) && /^-?\d+$/.test(v!) ? Number(v) : v;
        return `:${name}`;
      });
    const alternatives = [
      ...(values.includes(null) ? [`${col} IS NULL`] : []),
      ...(names.length ? [`${col} IN (${names.join(', ')})`] : []),
    ];
    return alternatives.length === 0 ? 'false' : `(${alternatives.join(' OR ')})`;
  });
  return { predicate: terms.join(' AND '), params };
}

/** A property key or value as a Spark string literal (project-defined text, not user input). */
function sparkString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
