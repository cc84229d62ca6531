import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A generated CSV as header and rows of fields. Generated values never contain commas (names
 * in clinicians.csv aside, which this is not for), so a plain split is exact.
 *
 * @example
 * const { header, rows } = readLandingCsv(dir, 'claims.csv');
 */
export function readLandingCsv(dir: string, name: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(join(dir, name), 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const [head, ...rest] = lines;
  return { header: head!.split(','), rows: rest.map((l) => l.split(',')) };
}
