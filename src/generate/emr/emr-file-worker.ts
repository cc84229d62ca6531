// Worker thread entry: encodes and writes emr_events.parquet from event batches, so that the
// thread generating events (and the one simulating the hospital) never waits on encoding.
// Acknowledges each batch (the sender keeps only a few in flight) and answers 'close' with the
// row count.
import { parentPort, workerData } from 'node:worker_threads';
import { deriveStream } from '../random/derive-stream.js';
import { buildRoster } from './clinician.js';
import { EmrEventsParquetFile } from './emr-events-parquet-file.js';
import type { EmrJob } from './emr-job.js';
import type { EventBatch } from './event-batch.js';

/** Messages the event-generating thread sends. */
export type EmrFileRequest = { type: 'batch'; batch: EventBatch } | { type: 'close' };

const { job, path } = workerData as { job: EmrJob; path: string };
const roster = buildRoster(
  deriveStream(job.seed, 'clinicians'),
  job.clinicians,
  job.roleMinutes,
  job.unitShare,
);
const file = new EmrEventsParquetFile(path, roster);
const port = parentPort!;
port.on('message', (message: EmrFileRequest) => {
  if (message.type === 'batch') {
    file.write(message.batch, undefined, message.batch.from, message.batch.length);
    port.postMessage({ type: 'ack' });
  } else {
    file.close();
    port.postMessage({ type: 'closed', result: file.rows });
  }
});
