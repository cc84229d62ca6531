/**
 * The one way an identifier enters Spark SQL text (Spark's dialect of
 * src/engine/quote-identifier.ts): backquoted, embedded backquotes doubled. A Delta table at a
 * path is the identifier delta.`<path>`, so paths go through here too (Spark takes no parameter
 * marker in LOCATION); values are bound as parameters, never quoted into the text.
 *
 * @example
 * `SELECT * FROM delta.${quoteSparkIdentifier('/lake/t')}`; // delta.`/lake/t`
 */
export function quoteSparkIdentifier(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}
