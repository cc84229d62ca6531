import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { LANDING_DATASETS } from './datasets/landing-schemas.js';
import { convertToParquet } from './output/convert-to-parquet.js';
import type { Progress } from './output/progress.js';

/**
 * Converts the four simulated CSVs in `dir` to Parquet, largest first, `parallel` at a time
 * (each conversion is single-threaded, so the result does not depend on `parallel`), removing
 * each CSV once converted.
 *
 * @example
 * await convertAllToParquet(tmp, 2, progress);
 */
export async function convertAllToParquet(dir: string, parallel: number, progress: Progress): Promise<void> {
  const queue = [
    LANDING_DATASETS.emr_events,
    LANDING_DATASETS.claims,
    LANDING_DATASETS.admissions,
    LANDING_DATASETS.staffing,
  ];
  let done = 0;
  progress.phase('writing parquet', queue.length);
  const worker = async () => {
    for (let d = queue.shift(); d !== undefined; d = queue.shift()) {
      const csv = join(dir, `${d.name}.csv`);
      await convertToParquet(csv, join(dir, `${d.name}.parquet`), d);
      await rm(csv);
      progress.advance(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(4, parallel)) }, worker));
}
