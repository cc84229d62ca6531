import { formatTimestamp } from '../output/timestamp-text.js';
import type { Rng } from '../random/rng.js';

const DISPOSITIONS = ['Home', 'Home Health', 'SNF', 'Rehab', 'Transfer'];
const PAYERS = ['Medicare', 'Medicaid', 'Commercial', 'Medicare Advantage'];
const DAY = 86_400;

/** Column positions in an admissions row. */
export interface AdmissionColumns {
  admit: number;
  discharge: number;
  los: number;
  payer: number;
  disposition: number;
}

/**
 * A later delivery of the same encounter with corrected fields, as source systems send when a
 * discharge time, disposition or payer is amended: a copy of `fields` with one or two of them
 * changed, and the names of the changed columns.
 *
 * @example
 * const { fields, changed } = redeliverAdmission(rng, row, columns); // changed: ['disposition']
 */
export function redeliverAdmission(
  rng: Rng,
  original: readonly string[],
  at: AdmissionColumns,
): { fields: string[]; changed: string[] } {
  const fields = [...original];
  const changed: string[] = [];
  const admit = parseTimestamp(fields[at.admit]!);
  const discharge = parseTimestamp(fields[at.discharge]!);
  if (Number.isFinite(admit) && Number.isFinite(discharge) && rng.chance(0.5)) {
    const later = discharge + 3600 * (1 + rng.int(12));
    const los = String(Math.floor(later / DAY) - Math.floor(admit / DAY));
    fields[at.discharge] = formatTimestamp(later);
    changed.push('discharge_dt');
    if (los !== fields[at.los]) {
      fields[at.los] = los;
      changed.push('los');
    }
  }
  if (changed.length === 0 || rng.chance(0.5)) {
    const column = rng.chance(0.5) ? at.disposition : at.payer;
    const pool = column === at.payer ? PAYERS : DISPOSITIONS;
    const options = pool.filter((v) => v !== fields[column]);
    fields[column] = options[rng.int(options.length)]!;
    changed.push(column === at.payer ? 'payer' : 'disposition');
  }
  return { fields, changed };
}

function parseTimestamp(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}Z`) / 1000;
}
