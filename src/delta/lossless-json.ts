/**
 * JSON for the Delta log without losing int64 values. `JSON.parse` turns 9007199254740993 into
 * 9007199254740992; sizes, versions and long statistics must round-trip exactly, so integers
 * outside the safe range become `bigint`. Most lines contain no 16-digit run at all and take the
 * fast native path.
 */

export type JsonValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

const LONG_DIGITS = /\d{16}/;

/**
 * Parses JSON text; integers beyond ±2^53 come back as `bigint`.
 *
 * @example
 * parseLosslessJson('{"size":9007199254740993}'); // { size: 9007199254740993n }
 */
export function parseLosslessJson(text: string): JsonValue {
  if (!LONG_DIGITS.test(text)) return JSON.parse(text) as JsonValue;
  const parser = new Parser(text);
  const value = parser.value();
  parser.end();
  return value;
}

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  end(): void {
    this.skip();
    if (this.pos !== this.text.length) this.fail('unexpected trailing characters');
  }

  value(): JsonValue {
    this.skip();
    const ch = this.text[this.pos];
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return this.string();
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.number();
    if (this.text.startsWith('true', this.pos)) return this.literal(4, true);
    if (this.text.startsWith('false', this.pos)) return this.literal(5, false);
    if (this.text.startsWith('null', this.pos)) return this.literal(4, null);
    return this.fail('unexpected character');
  }

  private literal<T>(length: number, value: T): T {
    this.pos += length;
    return value;
  }

  private object(): JsonValue {
    const out: { [key: string]: JsonValue } = {};
    this.pos++;
    this.skip();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skip();
      if (this.text[this.pos] !== '"') this.fail('expected a key');
      const key = this.string();
      this.skip();
      if (this.text[this.pos++] !== ':') this.fail('expected ":"');
      out[key] = this.value();
      this.skip();
      const sep = this.text[this.pos++];
      if (sep === '}') return out;
      if (sep !== ',') this.fail('expected "," or "}"');
    }
  }

  private array(): JsonValue {
    const out: JsonValue[] = [];
    this.pos++;
    this.skip();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.skip();
      const sep = this.text[this.pos++];
      if (sep === ']') return out;
      if (sep !== ',') this.fail('expected "," or "]"');
    }
  }

  private string(): string {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (ch === '\\') this.pos += 2;
      else if (ch === '"') {
        this.pos++;
        return JSON.parse(this.text.slice(start, this.pos)) as string;
      } else this.pos++;
    }
    return this.fail('unterminated string');
  }

  private number(): number | bigint {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!match) return this.fail('bad number');
    this.pos += match[0].length;
    const n = Number(match[0]);
    if (match[2] === undefined && match[3] === undefined && !Number.isSafeInteger(n)) return BigInt(match[0]);
    return n;
  }

  private skip(): void {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text[this.pos]!)) this.pos++;
  }

  private fail(what: string): never {
    throw new SyntaxError(`${what} at position ${this.pos}`);
  }
}

/**
 * Serialises a value to compact JSON, writing `bigint` as exact digits. Keys keep insertion
 * order; `undefined` members are left out, as `JSON.stringify` does.
 *
 * @example
 * stringifyLosslessJson({ size: 9007199254740993n }); // '{"size":9007199254740993}'
 */
export function stringifyLosslessJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'bigint':
      return value.toString();
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'object': {
      if (value instanceof RawJson) return value.text;
      if (Array.isArray(value))
        return `[${value.map((v) => (v === undefined ? 'null' : stringifyLosslessJson(v))).join(',')}]`;
      const parts: string[] = [];
      for (const [k, v] of Object.entries(value)) {
        if (v !== undefined) parts.push(`${JSON.stringify(k)}:${stringifyLosslessJson(v)}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      throw new TypeError(`cannot serialise ${typeof value} to JSON`);
  }
}

/**
 * A JSON fragment written verbatim, for numbers whose exact text matters (decimal statistics).
 *
 * @example
 * stringifyLosslessJson({ min: new RawJson('1.50') }); // '{"min":1.50}'
 */
export class RawJson {
  constructor(readonly text: string) {}
}
