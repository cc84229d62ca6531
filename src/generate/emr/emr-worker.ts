// Worker thread entry: writes emr_events while the main thread simulates the hospital. Receives
// each day's census (in order), answers "done" per day so the main thread can keep it fed but
// never far ahead, and the result when told to finish.
import { parentPort, workerData } from 'node:worker_threads';
import { createMrnHexWriter } from '../../privacy/mrn-hex-writer.js';
import { PseudonymCache } from '../population/pseudonym-cache.js';
import { type CensusSnapshot, restoreCensus } from './census-snapshot.js';
import { type EmrJob, startEmr } from './emr-job.js';

/** Messages the main thread sends. */
export type EmrWorkerRequest =
  | { type: 'day'; day: number; dayStart: number; census: CensusSnapshot }
  | { type: 'finish' };

const port = parentPort!;
const job = workerData as EmrJob;
const run = startEmr(job);
const pseudonyms =
  job.salt === undefined ? undefined : new PseudonymCache(createMrnHexWriter(job.salt), job.seed);
// Days may wait on the file thread: handle messages strictly one after another.
let queue = Promise.resolve();
port.on('message', (message: EmrWorkerRequest) => {
  queue = queue.then(async () => {
    if (message.type === 'day') {
      await run.day(message.day, message.dayStart, restoreCensus(message.census, pseudonyms));
      port.postMessage({ type: 'done', day: message.day });
    } else {
      port.postMessage({ type: 'result', result: await run.finish() });
    }
  });
  queue.catch((error: unknown) => {
    // Surface as the worker's 'error' event, which the client turns into a rejection.
    setImmediate(() => {
      throw error;
    });
  });
});
