import { quoteIdentifier } from '../quote-identifier.js';

/**
 * SQL for a Z-order key over `columns` of relation `rel`: each column becomes a rank scaled to
 * `bits` bits (NULLs first), and the ranks' bits are interleaved (bit i of column j lands at
 * position i·n + j). Sorting by the key clusters rows that are close in every column at once.
 *
 * @example
 * zorderSelect(['a', 'b'], 'src'); // SELECT *, <interleaved key> AS __zorder FROM (… ranks …)
 */
export function zorderSelect(
  columns: readonly string[],
  innerSql: string,
): { sql: string; keyColumn: string } {
  const n = columns.length;
  const bits = Math.max(1, Math.min(20, Math.floor(63 / n)));
  const maxRank = 2 ** bits - 1;
  const rankCols = columns.map((c, j) => {
    const q = quoteIdentifier(c);
    return `CAST(floor(percent_rank() OVER (ORDER BY ${q} NULLS FIRST) * ${maxRank}) AS UBIGINT) AS __zr${j}`;
  });
  const terms: string[] = [];
  for (let i = 0; i < bits; i++) {
    for (let j = 0; j < n; j++) terms.push(`(((__zr${j} >> ${i}) & 1) << ${i * n + j})`);
  }
  const key = '__zorder';
  const ranked = `SELECT *, ${rankCols.join(', ')} FROM (${innerSql}) AS __zsrc`;
  return { sql: `SELECT *, (${terms.join(' | ')}) AS ${key} FROM (${ranked}) AS __zranked`, keyColumn: key };
}
