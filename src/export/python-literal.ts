/**
 * A Python literal for a JSON-like value: strings (a raw triple-quoted string when the text
 * allows it, so SQL reads as written), numbers, booleans, None, lists and dicts. Pure.
 *
 * @example
 * pythonLiteral({ a: [1, null] }); // '{"a": [1, None]}'
 */
export function pythonLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`no Python literal for ${value}`);
    return String(value);
  }
  if (typeof value === 'string') return pythonString(value);
  if (Array.isArray(value)) return `[${value.map(pythonLiteral).join(', ')}]`;
  if (typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${pythonLiteral(v)}`)
      .join(', ')}}`;
  throw new Error(`no Python literal for ${typeof value}`);
}

/**
 * A Python string literal: JSON's escaping (valid Python for any text), on one line.
 *
 * @example
 * pythonString('UTC'); // '"UTC"'
 */
export function pythonString(text: string): string {
  // JSON escapes are Python escapes, except that Python reads \u2028/\u2029 verbatim too.
  return JSON.stringify(text);
}

/**
 * A one-line Python string that reads as written when it can: single-quoted when the text has
 * no quote, backslash or line break of its own (JSON text reads as JSON), else escaped.
 *
 * @example
 * pythonText('{"ICU": 2}'); // `'{"ICU": 2}'`
 */
export function pythonText(text: string): string {
  return /['\\\n\r\u2028\u2029]/.test(text) ? pythonString(text) : `'${text}'`;
}

/**
 * A multi-line text (SQL) as a Python literal that reads as written: r"""…""" when the text has
 * no triple quote and does not end with a backslash, else an escaped literal.
 *
 * @example
 * pythonBlock('select 1\n'); // 'r"""\nselect 1\n"""'
 */
export function pythonBlock(text: string): string {
  const body = text.replace(/\n+$/, '');
  if (!body.includes('"""') && !body.endsWith('\\') && !body.endsWith('"')) return `r"""\n${body}\n"""`;
  return pythonString(`${body}\n`);
}
