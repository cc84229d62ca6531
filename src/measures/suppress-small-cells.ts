import type { Json } from '@duckdb/node-api';
import { cellCountColumn } from './patient-level-tables.js';

/** Cells computed from 1 to this many stays or claims are suppressed (CMS: fewer than 11). */
export const SMALL_CELL_MAX = 10;

/** What suppression needs to know about a measure result. */
export interface SuppressionInput {
  /** Rows with their `__cells_<measure>` counts. */
  rows: readonly Record<string, Json>[];
  dimensions: readonly string[];
  /** The measures with cell counts (over patient-level tables). */
  measures: readonly string[];
  /**
   * Per row key (JSON of the dimension values) and measure, how many rows the request's filters
   * and dates left out: a filtered total subtracted from the unfiltered one must not reveal a
   * small cell either.
   */
  excluded?: ReadonlyMap<string, Readonly<Record<string, number>>>;
}

/**
 * Small-cell suppression for viewers (CMS cell-size rule). Pure.
 *
 * Guarantees (test/measures/suppress-small-cells.test.ts):
 * - a value computed from 1–10 rows is replaced by null and listed in `suppressed`;
 * - so is a value whose filtered-out complement has 1–10 rows (differencing two filters);
 * - complementary suppression: along each dimension, no group of cells (the rows that share
 *   the other dimensions' values) is left with exactly one suppressed cell, so a total minus
 *   the shown cells cannot reveal it; the smallest other cell is suppressed with it;
 * - the `__cells_*` columns never leave: the counts are not shown.
 *
 * @example
 * suppressSmallCells({ rows, dimensions: ['payer'], measures: ['avg_los'] }).rows;
 */
export function suppressSmallCells(input: SuppressionInput): {
  rows: Record<string, Json>[];
  suppressed: { row: number; measure: string }[];
} {
  const key = (r: Record<string, Json>) => JSON.stringify(input.dimensions.map((d) => r[d] ?? null));
  const count = (r: Record<string, Json>, m: string) => Number(r[cellCountColumn(m)] ?? 0);
  const small = (n: number) => n >= 1 && n <= SMALL_CELL_MAX;
  const hidden = input.measures.map((m) =>
    input.rows.map((r) => small(count(r, m)) || small(input.excluded?.get(key(r))?.[m] ?? 0)),
  );
  for (const [mi, m] of input.measures.entries()) {
    const mask = hidden[mi]!;
    for (let pass = 0; pass < 5; pass++) {
      let changed = false;
      for (const d of input.dimensions.length ? input.dimensions : ['']) {
        const groups = new Map<string, number[]>();
        input.rows.forEach((r, i) => {
          const g = JSON.stringify(input.dimensions.filter((x) => x !== d).map((x) => r[x] ?? null));
          groups.set(g, [...(groups.get(g) ?? []), i]);
        });
        for (const members of groups.values()) {
          const shown = members.filter((i) => !mask[i] && count(input.rows[i]!, m) > 0);
          if (members.filter((i) => mask[i]).length !== 1 || shown.length === 0) continue;
          const smallest = shown.reduce((a, b) =>
            count(input.rows[b]!, m) < count(input.rows[a]!, m) ? b : a,
          );
          mask[smallest] = true;
          changed = true;
        }
      }
      if (!changed) break;
    }
  }
  const suppressed: { row: number; measure: string }[] = [];
  const rows = input.rows.map((r, i) => {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(r)) if (!k.startsWith('__cells_')) out[k] = v;
    input.measures.forEach((m, mi) => {
      if (hidden[mi]![i]) {
        out[m] = null;
        suppressed.push({ row: i, measure: m });
      }
    });
    return out;
  });
  return { rows, suppressed };
}
