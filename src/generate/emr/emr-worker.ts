// Worker thread entry: writes emr_events while the main thread simulates the hospital. Receives
// each day's census (in order), answers "done" per day so the main thread can keep it fed but
// never far ahead, and the result when told to finish. With `dayThread`, odd days are generated
// by a second worker while this one generates the even days; days are written in order.
import { parentPort, workerData } from 'node:worker_threads';
import { createMrnHexWriter } from '../../privacy/mrn-hex-writer.js';
import { PseudonymCache } from '../population/pseudonym-cache.js';
import { type CensusSnapshot, restoreCensus } from './census-snapshot.js';
import type { EmrDay } from './emr-day.js';
import { EmrDayThread } from './emr-day-thread.js';
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
const days = job.dayThread ? new EmrDayThread(job) : undefined;
// Days are written strictly one after another; they are generated as soon as they arrive (this
// thread's days at once, in the message handler, so they overlap the other thread's).
let queue = Promise.resolve();
port.on('message', (message: EmrWorkerRequest) => {
  if (message.type === 'day') {
    const { day, dayStart, census } = message;
    let generated: Promise<EmrDay>;
    if (days !== undefined && day % 2 === 1) generated = days.generate(day, dayStart, census);
    else {
      try {
        generated = Promise.resolve(run.generate(day, dayStart, restoreCensus(census, pseudonyms)));
      } catch (error) {
        generated = Promise.reject(error);
      }
    }
    // Handled in the queue, in order; unhandled until then is not a failure.
    generated.catch(() => undefined);
    queue = queue.then(async () => {
      await run.take(await generated, dayStart);
      port.postMessage({ type: 'done', day });
    });
  } else {
    queue = queue.then(async () => {
      const result = await run.finish();
      await days?.close();
      port.postMessage({ type: 'result', result });
    });
  }
  queue.catch((error: unknown) => {
    // Surface as the worker's 'error' event, which the client turns into a rejection.
    setImmediate(() => {
      throw error;
    });
  });
});
