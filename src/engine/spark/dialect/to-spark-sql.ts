import { SPARK_FUNCTION_RENAMES } from './spark-function-renames.js';
import { SPARK_TYPE_NAMES } from './spark-type-names.js';
import { type SqlToken, tokenizeSql } from './tokenize-sql.js';

/** How the rewrite names what the models call `lh_<layer>.dbo.<table>`. */
export interface ToSparkSqlOptions {
  /**
   * The Spark relation for a three-part lake name, as SQL text: the Spark engine passes the
   * temporary view it registered over the table's snapshot; a Fabric notebook keeps the name.
   */
  table: (lakehouse: string, schema: string, name: string) => string;
  /**
   * The Spark relation for `read_csv($param, …)` (ref_ms_drg_weights reads its CSV so), given the
   * parameter's name: e.g. a view the engine registered with `CREATE TEMPORARY VIEW v USING csv
   * OPTIONS (path …, header 'true')` (every column text, as `all_varchar` reads it). Without
   * it, read_csv stays (Spark then reports an unknown function).
   */
  csv?: (parameter: string) => string;
}

/**
 * Turns the project's DuckDB-dialect SQL (models/, models/macros/) into Spark SQL 4.0 (pure).
 * Rules, each only outside string literals, quoted identifiers and comments (docs/spark-dialect.md §4.1):
 * 1. `$name` → `:name`, `$1` → `?`;
 * 2. `* exclude (` → `* except (`;
 * 3. `as [not] materialized (` → `as (`;
 * 4. cast type names (after `::` or `as`): varchar/text → string, timestamptz → timestamp,
 *    ubigint → bigint, hugeint → decimal(38,0);
 * 5. `a // b` → `a div b` (both truncate toward zero);
 * 6. function renames (spark-function-renames.ts): quantile_cont → percentile, list → collect_list, …;
 * 7. struct literals `{'k': v, …}` → `named_struct('k', v, …)`;
 * 8. `to_json(alias)` (a whole row) → `to_json(struct(alias.*))`, and every to_json keeps null
 *    fields, as DuckDB's does;
 * 9. a string literal holding a backslash becomes raw (`r'\d'`): Spark unescapes backslashes in
 *    plain literals, DuckDB never does;
 * 10. `"ident"` → `` `ident` `` (a double-quoted token is a string in Spark);
 * 11. `lh_<x>.<schema>.<name>` → `options.table(lh_<x>, schema, name)`;
 * 12. `read_csv($param, …)` → `options.csv(param)` when given;
 * 13. a DuckDB table macro header `create or replace temp macro f(a, …) as table` → a Spark SQL
 *     table function `CREATE OR REPLACE TEMPORARY FUNCTION f(a T, …) RETURNS TABLE RETURN`, where
 *     T is the block comment written after the parameter (`buckets` then `array<int>` in a comment).
 * Everything else passes through byte for byte, so the output keeps the input's lines.
 *
 * @example
 * toSparkSql('select * exclude (a) from lh_silver.dbo.t where x = $n', { table: (l, s, n) => `${l}__${s}__${n}` });
 * // 'select * except (a) from lh_silver__dbo__t where x = :n'
 */
export function toSparkSql(sql: string, options: ToSparkSqlOptions): string {
  const tokens = tokenizeSql(sql);
  const braces: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.text === '') continue; // removed by an earlier rule
    switch (t.kind) {
      case 'string':
        if (t.text.startsWith("'") && t.text.includes('\\')) t.text = `r${t.text}`;
        break;
      case 'quoted':
        if (t.text.startsWith('"'))
          t.text = `\`${t.text.slice(1, -1).replaceAll('""', '"').replaceAll('`', '``')}\``;
        break;
      case 'param':
        t.text = /^\$[0-9]+$/.test(t.text) ? '?' : `:${t.text.slice(1)}`;
        break;
      case 'op':
        rewriteOperator(tokens, i, braces);
        break;
      case 'word':
        rewriteWord(tokens, i, options);
        break;
    }
  }
  return tokens.map((t) => t.text).join('');
}

function rewriteOperator(tokens: SqlToken[], i: number, braces: number[]): void {
  const t = tokens[i]!;
  const depth = braces.length - 1;
  if (t.text === '//')
    t.text = `${tokens[i - 1]?.kind === 'space' ? '' : ' '}div${tokens[i + 1]?.kind === 'space' ? '' : ' '}`;
  else if (t.text === '{') {
    t.text = 'named_struct(';
    braces.push(0);
  } else if (t.text === '}' && depth >= 0) {
    t.text = ')';
    braces.pop();
  } else if ((t.text === '(' || t.text === '[') && depth >= 0) braces[depth]!++;
  else if ((t.text === ')' || t.text === ']') && depth >= 0) braces[depth]!--;
  else if (t.text === ':' && depth >= 0 && braces[depth] === 0) t.text = ',';
}

function rewriteWord(tokens: SqlToken[], i: number, options: ToSparkSqlOptions): void {
  const t = tokens[i]!;
  const word = t.text.toLowerCase();
  const prev = tokens[previous(tokens, i)];
  const nextIndex = following(tokens, i);
  const next = tokens[nextIndex];
  if (word.startsWith('lh_') && isLakeName(tokens, i)) {
    t.text = options.table(t.text, tokens[i + 2]!.text, tokens[i + 4]!.text);
    for (let j = i + 1; j <= i + 4; j++) tokens[j]!.text = '';
  } else if (word === 'exclude' && prev?.text === '*' && next?.text === '(') t.text = 'except';
  else if (word === 'materialized' && next?.text === '(') stripMaterialized(tokens, i);
  else if (word === 'macro' && prev?.text.toLowerCase() === 'temp') rewriteTableMacro(tokens, i);
  else if (SPARK_TYPE_NAMES.has(word) && isCastType(prev, next)) t.text = SPARK_TYPE_NAMES.get(word)!;
  else if (word === 'to_json' && next?.text === '(') rewriteToJson(tokens, nextIndex);
  else if (word === 'read_csv' && next?.text === '(' && options.csv)
    rewriteReadCsv(tokens, i, nextIndex, options.csv);
  else if (SPARK_FUNCTION_RENAMES.has(word) && next?.text === '(' && prev?.text !== '.')
    t.text = SPARK_FUNCTION_RENAMES.get(word)!;
}

/** `x::T`, or `cast(x as T)` (an alias `as text,` is followed by something else). */
function isCastType(prev: SqlToken | undefined, next: SqlToken | undefined): boolean {
  if (prev?.text === '::') return true;
  return (
    prev?.text.toLowerCase() === 'as' && (next?.text === ')' || next?.text === '(' || next?.text === '[')
  );
}

/** `lh_x.dbo.t` written without spaces: word . word . word. */
function isLakeName(tokens: SqlToken[], i: number): boolean {
  return (
    tokens[i + 1]?.text === '.' &&
    tokens[i + 2]?.kind === 'word' &&
    tokens[i + 3]?.text === '.' &&
    tokens[i + 4]?.kind === 'word'
  );
}

function stripMaterialized(tokens: SqlToken[], i: number): void {
  const p = previous(tokens, i);
  const before = tokens[p]?.text.toLowerCase();
  const not = before === 'not' ? p : -1;
  const as = tokens[previous(tokens, not >= 0 ? not : i)]?.text.toLowerCase();
  if (as !== 'as') return;
  for (const j of [not, i]) {
    if (j < 0) continue;
    tokens[j]!.text = '';
    if (tokens[j + 1]?.kind === 'space') tokens[j + 1]!.text = '';
  }
}

/**
 * `temp macro f(a, b) as table`, each parameter followed by a block comment holding its Spark
 * type, → `TEMPORARY FUNCTION f(a T, b U) RETURNS TABLE RETURN`. Spark needs a type per parameter; a DuckDB table macro takes untyped ones (a typed one
 * would refuse the parameters as bound), so the Spark type rides in a comment after the name.
 */
function rewriteTableMacro(tokens: SqlToken[], i: number): void {
  const open = following(tokens, following(tokens, i));
  if (tokens[open]?.text !== '(') return;
  const close = matching(tokens, open);
  const as = following(tokens, close);
  const table = following(tokens, as);
  if (tokens[as]?.text.toLowerCase() !== 'as' || tokens[table]?.text.toLowerCase() !== 'table') return;
  tokens[previous(tokens, i)]!.text = 'TEMPORARY';
  tokens[i]!.text = 'FUNCTION';
  for (let j = open + 1; j < close; j++) {
    const t = tokens[j]!;
    const type = /^\/\*\s*(.*?)\s*\*\/$/s.exec(t.text);
    if (t.kind === 'comment' && type !== null) t.text = type[1]!;
  }
  tokens[as]!.text = 'RETURNS';
  tokens[table]!.text = 'TABLE RETURN';
}

function rewriteToJson(tokens: SqlToken[], open: number): void {
  const close = matching(tokens, open);
  const arg = following(tokens, open);
  if (tokens[arg]?.kind === 'word' && following(tokens, arg) === close)
    tokens[arg]!.text = `struct(${tokens[arg]!.text}.*)`;
  // A token of its own, so the bracket bookkeeping of the struct-literal rule still sees the `)`.
  tokens.splice(close, 0, { kind: 'op', text: `, map('ignoreNullFields', 'false')` });
}

function rewriteReadCsv(
  tokens: SqlToken[],
  i: number,
  open: number,
  csv: (parameter: string) => string,
): void {
  const param = tokens[following(tokens, open)];
  if (param?.kind !== 'param') return;
  const close = matching(tokens, open);
  tokens[i]!.text = csv(param.text.slice(1));
  for (let j = i + 1; j <= close; j++) tokens[j]!.text = '';
}

/** The index of the `)` (or `]`) closing the bracket at `open`, or the last token. */
function matching(tokens: SqlToken[], open: number): number {
  let depth = 0;
  for (let j = open; j < tokens.length; j++) {
    const text = tokens[j]!.text;
    if (tokens[j]!.kind !== 'op') continue;
    if (text === '(' || text === '[') depth++;
    else if (text === ')' || text === ']') depth--;
    if (depth === 0) return j;
  }
  return tokens.length - 1;
}

function previous(tokens: SqlToken[], i: number): number {
  let j = i - 1;
  while (j >= 0 && (tokens[j]!.kind === 'space' || tokens[j]!.kind === 'comment' || tokens[j]!.text === ''))
    j--;
  return j;
}

function following(tokens: SqlToken[], i: number): number {
  let j = i + 1;
  while (
    j < tokens.length &&
    (tokens[j]!.kind === 'space' || tokens[j]!.kind === 'comment' || tokens[j]!.text === '')
  )
    j++;
  return j;
}
