/**
 * Access tokens as users hold them: `clk_<id>_<secret>`. The id (12 hex digits) finds the stored
 * record; only the secret's salted scrypt hash is stored. Pure.
 */
export interface TokenParts {
  id: string;
  secret: string;
}

const PATTERN = /^clk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/**
 * The token text for an id and a secret.
 *
 * @example
 * formatToken({ id: '0123456789ab', secret: 'x'.repeat(43) });
 */
export function formatToken(parts: TokenParts): string {
  return `clk_${parts.id}_${parts.secret}`;
}

/**
 * The parts of a token, or undefined when the text is not one (so it is refused before any hash).
 *
 * @example
 * parseToken('clk_0123456789ab_' + 'x'.repeat(43)); // { id: '0123456789ab', secret: 'xxx…' }
 */
export function parseToken(text: string): TokenParts | undefined {
  const m = PATTERN.exec(text);
  return m === null ? undefined : { id: m[1]!, secret: m[2]! };
}
