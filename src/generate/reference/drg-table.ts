import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CarelakeError } from '../../errors/carelake-error.js';
import { splitCsvLine } from './split-csv-line.js';

/** One MS-DRG: CMS relative weight and geometric mean length of stay. */
export interface DrgWeight {
  code: string;
  title: string;
  relativeWeight: number;
  gmlosDays: number;
}

/** The shipped table: CMS FY2024 IPPS Final Rule, Table 5, for the DRGs the generator draws. */
export const DEFAULT_DRG_TABLE = fileURLToPath(
  new URL('../../../../data/ms_drg_weights_fy2024.csv', import.meta.url),
);

/**
 * Reads an MS-DRG weights CSV (columns ms_drg, title, relative_weight, gmlos_days; others are
 * ignored), so the complete official Table 5 can replace the shipped subset.
 *
 * @example
 * const drgs = readDrgTable(); // 26 FY2024 DRGs
 */
export function readDrgTable(path: string = DEFAULT_DRG_TABLE): DrgWeight[] {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim().toLowerCase());
  const at = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0)
      throw new CarelakeError(
        `${path}: no column "${name}"; a DRG table needs ms_drg, title, relative_weight, gmlos_days`,
      );
    return i;
  };
  const [code, title, weight, gmlos] = [at('ms_drg'), at('title'), at('relative_weight'), at('gmlos_days')];
  return lines.slice(1).map((line, n) => {
    const f = splitCsvLine(line);
    const row: DrgWeight = {
      code: (f[code] ?? '').trim().padStart(3, '0'),
      title: (f[title] ?? '').trim(),
      relativeWeight: Number(f[weight]),
      gmlosDays: Number(f[gmlos]),
    };
    if (!(row.relativeWeight > 0) || !(row.gmlosDays > 0)) {
      throw new CarelakeError(
        `${path} line ${n + 2}: DRG "${row.code}" needs a positive relative_weight and gmlos_days; fix the row`,
      );
    }
    return row;
  });
}
