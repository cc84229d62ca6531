import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ParquetDatasetFile } from '../output/parquet-dataset-file.js';
import type { Era } from '../population/era-plan.js';
import type { SimulationStats } from '../population/simulate-era.js';
import type { EncounterResult } from './encounter-writer.js';
import type { EraJob } from './era-worker.js';
import { LANDING_DATASETS } from './landing-schemas.js';

interface EraDone {
  result: EncounterResult;
  stats: SimulationStats;
}

/**
 * Simulates the eras in `threads` worker threads, each taking the next era as it finishes one
 * and writing its admissions and claims as part files, then appends the parts in era order to
 * admissions.parquet and claims.parquet in `job.dir`. The bytes are those of a run that
 * simulates the eras one after the other in one thread, whatever `threads` is. For runs with no
 * staffing or EMR events, whose days need no census in order.
 *
 * @example
 * const { result, stats } = await writeErasInThreads(job, eras, 2, (n) => progress.advance(n));
 */
export async function writeErasInThreads(
  job: EraJob,
  eras: readonly Era[],
  threads: number,
  onEraDone: (erasDone: number) => void,
): Promise<EraDone> {
  const done: EraDone[] = new Array(eras.length);
  let next = 0;
  let finished = 0;
  const workers = Array.from({ length: Math.min(threads, eras.length) }, () => {
    return new Worker(new URL('./era-worker.js', import.meta.url), { workerData: job });
  });
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let current = -1;
            const feed = () => {
              if (next === eras.length) return resolve();
              current = next++;
              worker.postMessage({ era: eras[current] });
            };
            worker.on('message', (m: EraDone) => {
              done[current] = m;
              onEraDone(++finished);
              feed();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => reject(new Error(`an era thread stopped (exit code ${code})`)));
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { result: appendParts(job.dir, done), stats: sumStats(done) };
}

// Appends each era's part files to the whole admissions and claims files, in era order.
function appendParts(dir: string, done: readonly EraDone[]): EncounterResult {
  const admissions = new ParquetDatasetFile(join(dir, 'admissions.parquet'), LANDING_DATASETS.admissions);
  const claims = new ParquetDatasetFile(join(dir, 'claims.parquet'), LANDING_DATASETS.claims);
  let deniedClaims = 0;
  for (const { result } of done) {
    const parts = result.parts!;
    admissions.appendPart(parts.admissions.path, parts.admissions.groups);
    claims.appendPart(parts.claims.path, parts.claims.groups);
    deniedClaims += result.deniedClaims;
  }
  admissions.close();
  claims.close();
  return { admissions: admissions.rows, claims: claims.rows, deniedClaims };
}

function sumStats(done: readonly EraDone[]): SimulationStats {
  const stats: SimulationStats = { patients: 0, readmissions: 0, deaths: 0 };
  for (const d of done) {
    stats.patients += d.stats.patients;
    stats.readmissions += d.stats.readmissions;
    stats.deaths += d.stats.deaths;
  }
  return stats;
}
