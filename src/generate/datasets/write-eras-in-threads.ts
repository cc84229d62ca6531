import { Worker } from 'node:worker_threads';
import type { Era } from '../population/era-plan.js';
import type { SimulationStats } from '../population/simulate-era.js';
import type { EncounterResult } from './encounter-writer.js';
import type { EraJob } from './era-worker.js';
import { WholeEncounterFiles } from './whole-encounter-files.js';

/** What an era thread reports for an era. */
export interface EraDone {
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
  const done: (EraDone | undefined)[] = new Array(eras.length);
  const whole = new WholeEncounterFiles(job.dir);
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
              try {
                done[current] = m;
                onEraDone(++finished);
                // Parts are appended as soon as the eras before them are: while the other
                // threads still simulate, so little copying is left at the end.
                whole.appendReady(done);
                feed();
              } catch (error) {
                reject(error);
              }
            });
            worker.on('error', reject);
            worker.on('exit', (code) => reject(new Error(`an era thread stopped (exit code ${code})`)));
            feed();
          }),
      ),
    );
  } catch (error) {
    // The files are abandoned (the caller removes the folder); only their descriptors matter.
    try {
      whole.close();
    } catch {}
    throw error;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { result: whole.close(), stats: sumStats(done as EraDone[]) };
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
