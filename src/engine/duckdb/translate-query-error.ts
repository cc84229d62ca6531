import { QueryError } from './query-error.js';

/**
 * Turns a DuckDB error raised by a user's query into a QueryError: an unknown table lists the
 * lake's tables (not DuckDB's "Did you mean pg_indexes?"), a file outside the lake is refused
 * plainly, a syntax error keeps its position, and values quoted from the data (conversion
 * errors print them) are replaced by "…". Pure.
 *
 * @example
 * translateQueryError('Catalog Error: Table with name kpis does not exist!', ['lh_gold.dbo.gold_healthcare_kpis']);
 */
export function translateQueryError(message: string, tables: readonly string[]): QueryError {
  const first = message.split('\n')[0]!.trim();
  const table = /Table with name ([^\s!]+) does not exist/i.exec(first);
  if (table)
    return new QueryError(
      `unknown table "${table[1]}"; tables: ${tables.join(', ') || 'none yet (run the pipeline)'}`,
    );
  const catalog = /Catalog "?([^"\s!]+)"? does not exist/i.exec(first);
  if (catalog)
    return new QueryError(
      `unknown lakehouse "${catalog[1]}"; tables: ${tables.join(', ') || 'none yet (run the pipeline)'}`,
    );
  if (/^Permission Error/i.test(first) || /file system operations are disabled/i.test(first))
    return new QueryError(
      "that reads a file outside the lake's tables, which SQL here may not do; query the tables by name",
    );
  if (/^Interrupt(ed)? Error|INTERRUPT/i.test(first)) return new QueryError('query cancelled');
  if (/^Parser Error/i.test(first)) {
    const position = /LINE \d+:.*$/m.exec(message)?.[0];
    return new QueryError(
      `${first.replace(/^Parser Error: /, 'syntax error: ')}${position ? ` (${position.trim()})` : ''}`,
    );
  }
  const cleaned = first
    .replace(/'(?:[^']|'')*'/g, "'…'")
    .replace(/"(?:[^"])*"/g, (q) => (/^"[A-Za-z_][A-Za-z0-9_.]*"$/.test(q) ? q : '"…"'))
    .replace(/\s*Did you mean [^?]*\?/i, '');
  return new QueryError(cleaned);
}
