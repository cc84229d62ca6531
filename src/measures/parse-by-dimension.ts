/**
 * Splits one `--by` value: `payer`, `date` or `date:month` → { dimension, grain }. The names are
 * checked by the compiler, so this never throws. Pure.
 *
 * @example
 * parseByDimension('date:week'); // { dimension: 'date', grain: 'week' }
 */
export function parseByDimension(text: string): { dimension: string; grain?: string } {
  const at = text.indexOf(':');
  if (at < 0) return { dimension: text.trim().toLowerCase() };
  return {
    dimension: text.slice(0, at).trim().toLowerCase(),
    grain: text
      .slice(at + 1)
      .trim()
      .toLowerCase(),
  };
}
