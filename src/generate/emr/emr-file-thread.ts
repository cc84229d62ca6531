import { BatchWorker } from '../output/batch-worker.js';
import type { EmrJob } from './emr-job.js';
import { batchBuffers, takeBatch } from './event-batch.js';
import type { EventColumns } from './event-columns.js';

/**
 * Writes emr_events.parquet in a thread of its own: `write` hands a copy of the events over and
 * returns at once; `drain` waits while too many batches are in flight. The file's bytes are the
 * same as writing in this thread, since the batches arrive in order and row groups are cut by
 * row count.
 *
 * @example
 * const file = new EmrFileThread(job, path);
 * file.write(events, order, 0, k);
 * await file.drain();
 * const rows = await file.close();
 */
export class EmrFileThread {
  private readonly worker: BatchWorker<number>;

  constructor(job: EmrJob, path: string) {
    this.worker = new BatchWorker(new URL('./emr-file-worker.js', import.meta.url), { job, path });
  }

  write(events: EventColumns, order: Int32Array, from: number, to: number): void {
    if (to <= from) return;
    const batch = takeBatch(events, order, from, to);
    this.worker.send(batch, batchBuffers(batch));
  }

  drain(): Promise<void> {
    return this.worker.drain();
  }

  /** Writes the footer; resolves with the rows written. */
  close(): Promise<number> {
    return this.worker.close();
  }

  abort(): Promise<void> {
    return this.worker.abort();
  }
}
