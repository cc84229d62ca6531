/** One lexical piece of SQL text. Concatenating every token's `text` gives the input back. */
export interface SqlToken {
  kind: 'string' | 'quoted' | 'comment' | 'space' | 'word' | 'number' | 'param' | 'op';
  text: string;
}

// Longest first: `::` must win over `:`, `//` over `/`.
const OPERATORS = ['::', '//', '->', '||', '<=', '>=', '<>', '!=', '=='];

/**
 * Splits SQL text into tokens (pure). String literals ('…' with '' doubled, also an r'…' or
 * e'…' prefix), quoted identifiers ("…", `…`), -- and block comments are single tokens, so a
 * rewrite that works on the other tokens never touches their content. Guarantees (tested):
 * the tokens concatenate to the input exactly; an unterminated literal or comment runs to the
 * end of the text (the engine reports the syntax error, not the tokenizer).
 *
 * @example
 * tokenizeSql("select 'a$b' as x").map((t) => t.kind); // ['word', 'space', 'string', 'space', 'word', 'space', 'word']
 */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  const push = (kind: SqlToken['kind'], end: number): void => {
    tokens.push({ kind, text: sql.slice(i, end) });
    i = end;
  };
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (
      c === "'" ||
      ((c === 'r' || c === 'R' || c === 'e' || c === 'E') && next === "'" && !wordBefore(sql, i))
    )
      push('string', endOfQuoted(sql, c === "'" ? i : i + 1, "'"));
    else if (c === '"' || c === '`') push('quoted', endOfQuoted(sql, i, c));
    else if (c === '-' && next === '-') push('comment', lineEnd(sql, i));
    else if (c === '/' && next === '*') push('comment', blockEnd(sql, i));
    else if (/\s/.test(c)) push('space', scan(sql, i, /\s/));
    else if (/[A-Za-z_\u0080-\uffff]/.test(c)) push('word', scan(sql, i, /[A-Za-z0-9_\u0080-\uffff]/));
    else if (/[0-9]/.test(c) || (c === '.' && next !== undefined && /[0-9]/.test(next)))
      push('number', scan(sql, i, /[0-9.eE]/));
    else if (c === '$' && next !== undefined && /[A-Za-z0-9_]/.test(next))
      push('param', scan(sql, i + 1, /[A-Za-z0-9_]/));
    else {
      const op = OPERATORS.find((o) => sql.startsWith(o, i));
      push('op', i + (op?.length ?? 1));
    }
  }
  return tokens;
}

function wordBefore(sql: string, i: number): boolean {
  return i > 0 && /[A-Za-z0-9_]/.test(sql[i - 1]!);
}

function endOfQuoted(sql: string, start: number, quote: string): number {
  let j = start + 1;
  while (j < sql.length) {
    if (sql[j] === quote) {
      if (sql[j + 1] === quote) j += 2;
      else return j + 1;
    } else j++;
  }
  return sql.length;
}

function lineEnd(sql: string, start: number): number {
  const j = sql.indexOf('\n', start);
  return j < 0 ? sql.length : j;
}

function blockEnd(sql: string, start: number): number {
  const j = sql.indexOf('*/', start + 2);
  return j < 0 ? sql.length : j + 2;
}

function scan(sql: string, start: number, re: RegExp): number {
  let j = start;
  while (j < sql.length && re.test(sql[j]!)) j++;
  return j;
}
