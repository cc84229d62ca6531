import type { Json } from '@duckdb/node-api';
import { SMALL_CELL_MAX } from '../../measures/suppress-small-cells.js';

/** For each aggregate gold table with patients behind its rows: the column that counts them. */
const COUNT_COLUMN: Record<string, string> = {
  'lh_gold.dbo.gold_healthcare_kpis': 'encounters',
  'lh_gold.dbo.gold_healthcare_kpis_by_payer': 'encounters',
  'lh_gold.dbo.gold_healthcare_ed_metrics': 'ed_encounters',
  'lh_gold.dbo.gold_healthcare_denials': 'claims',
  'lh_gold.dbo.gold_healthcare_risk_model_metrics': 'encounters',
};

/**
 * Small-cell suppression of an aggregate table page for viewers: in a row counting 1–10
 * patients' stays or claims, every figure (numbers, and the count itself) becomes null; the
 * row's labels stay. Pure.
 *
 * @example
 * suppressAggregateRows('lh_gold.dbo.gold_healthcare_kpis', rows); // rows with small DRGs blanked
 */
export function suppressAggregateRows(
  table: string,
  rows: readonly Record<string, Json>[],
): { rows: Record<string, Json>[]; suppressed: number } {
  const column = COUNT_COLUMN[table.toLowerCase()];
  if (column === undefined) return { rows: [...rows], suppressed: 0 };
  let suppressed = 0;
  const out = rows.map((r) => {
    const n = Number(r[column] ?? 0);
    if (n < 1 || n > SMALL_CELL_MAX) return r;
    suppressed++;
    return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? null : v]));
  });
  return { rows: out, suppressed };
}
