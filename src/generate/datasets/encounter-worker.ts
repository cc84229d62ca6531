// Worker thread entry: writes clean Parquet admissions and claims from batches of stays, so the
// thread simulating the hospital only packs each stay into a batch. Acknowledges each batch
// (the sender keeps only a few in flight) and answers 'close' with the counts.
import { parentPort, workerData } from 'node:worker_threads';
import { createMrnHexWriter } from '../../privacy/mrn-hex-writer.js';
import { buildDrgCatalog } from '../population/drg-catalog.js';
import type { Era } from '../population/era-plan.js';
import { PseudonymCache } from '../population/pseudonym-cache.js';
import { readDrgTable } from '../reference/drg-table.js';
import { EncounterWriter } from './encounter-writer.js';
import type { StayBatch } from './stay-batch.js';

/** How the worker is started. */
export interface EncounterJob {
  dir: string;
  seed: number;
  eras: Era[];
  drgTablePath: string | undefined;
  /** The DRG catalog's LOS medians, as the planning thread solved them (see buildDrgCatalog). */
  losMedians: number[];
  /** The hash salt: stays arrive without pseudonyms (see PseudonymCache). */
  salt: string;
}

/** Messages the simulating thread sends. */
export type EncounterRequest = { type: 'batch'; batch: StayBatch } | { type: 'close' };

const job = workerData as EncounterJob;
const catalog = buildDrgCatalog(readDrgTable(job.drgTablePath), job.losMedians);
const pseudonyms = new PseudonymCache(createMrnHexWriter(job.salt), job.seed);
const writer = new EncounterWriter(job.dir, job.seed, job.eras, { catalog, pseudonyms });
const port = parentPort!;
port.on('message', (message: EncounterRequest) => {
  if (message.type === 'batch') {
    writer.batch(message.batch);
    port.postMessage({ type: 'ack' });
  } else {
    port.postMessage({ type: 'closed', result: writer.close() });
  }
});
