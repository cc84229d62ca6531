import { BatchWorker } from '../output/batch-worker.js';
import type { PlannedStays } from '../population/planned-stays.js';
import type { PseudonymCache } from '../population/pseudonym-cache.js';
import type { EncounterJob } from './encounter-worker.js';
import type { EncounterResult } from './encounter-writer.js';
import { newStayBatch, packStay, type StayBatch, stayBatchBuffers } from './stay-batch.js';

/** Stays per batch: large enough that messaging costs nothing per stay, small in memory. */
export const STAYS_PER_BATCH = 4096;

/**
 * Writes clean Parquet admissions and claims in a worker thread (EncounterWriter there): this
 * thread packs each stay into a batch of columns and moves on. Same bytes as writing here.
 *
 * @example
 * const encounters = new EncounterThread(job, undefined);
 * encounters.stay(stays, row);
 * await encounters.drain();
 * const { claims } = await encounters.close();
 */
export class EncounterThread {
  private readonly worker: BatchWorker<EncounterResult>;
  private batch: StayBatch;

  /**
   * With `pseudonyms`, this thread hashes the MRNs and sends the pseudonyms with the stays: the
   * better split when the worker also writes more claims than admissions.
   */
  constructor(
    job: EncounterJob,
    private readonly pseudonyms: PseudonymCache | undefined,
    private readonly batchSize = STAYS_PER_BATCH,
  ) {
    this.worker = new BatchWorker(new URL('./encounter-worker.js', import.meta.url), job);
    this.batch = newStayBatch(batchSize, pseudonyms !== undefined);
  }

  stay(stays: PlannedStays, row: number): void {
    packStay(this.batch, stays, row, this.pseudonyms);
    if (this.batch.length === this.batchSize) this.flush();
  }

  drain(): Promise<void> {
    return this.worker.drain();
  }

  async close(): Promise<EncounterResult> {
    this.flush();
    return this.worker.close();
  }

  abort(): Promise<void> {
    return this.worker.abort();
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    const full = this.batch;
    this.worker.send(full, stayBatchBuffers(full));
    this.batch = newStayBatch(this.batchSize, this.pseudonyms !== undefined);
  }
}
