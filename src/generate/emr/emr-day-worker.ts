// Worker thread entry: generates the EMR days it is sent (census snapshots) and returns each as
// time-sorted event columns, their buffers transferred, to the worker writing emr_events, which
// generates the other days itself. A day depends only on the seed, the day and its census, so
// where it was generated never changes the file.
import { parentPort, workerData } from 'node:worker_threads';
import { createMrnHexWriter } from '../../privacy/mrn-hex-writer.js';
import { PseudonymCache } from '../population/pseudonym-cache.js';
import { type CensusSnapshot, restoreCensus } from './census-snapshot.js';
import { generateEmrDay } from './emr-day.js';
import { emrDaySource } from './emr-day-source.js';
import type { EmrJob } from './emr-job.js';
import { batchBuffers, eventBatch } from './event-batch.js';

/** A day to generate. */
export interface EmrDayRequest {
  day: number;
  dayStart: number;
  census: CensusSnapshot;
}

const port = parentPort!;
const job = workerData as EmrJob;
const source = emrDaySource(job);
const pseudonyms =
  job.salt === undefined ? undefined : new PseudonymCache(createMrnHexWriter(job.salt), job.seed);
port.on('message', (request: EmrDayRequest) => {
  const census = restoreCensus(request.census, pseudonyms);
  const { events, sessions } = generateEmrDay(source, request.day, request.dayStart, census);
  const batch = eventBatch(events, events.length);
  port.postMessage({ day: request.day, batch, sessions }, batchBuffers(batch));
});
