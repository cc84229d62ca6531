import { BatchWorker } from '../output/batch-worker.js';
import type { EmrJob } from './emr-job.js';
import { batchBuffers, eventBatch } from './event-batch.js';
import type { EventColumns } from './event-columns.js';

/**
 * Writes emr_events.parquet in a thread of its own: `write` hands the events' buffers over and
 * returns at once; `drain` waits while too many batches are in flight. The file's bytes are the
 * same as writing in this thread, since the batches arrive in order and row groups are cut by
 * row count.
 *
 * @example
 * const file = new EmrFileThread(job, path);
 * file.write(sorted, 0, k);
 * await file.drain();
 * const rows = await file.close();
 */
export class EmrFileThread {
  private readonly worker: BatchWorker<number>;

  constructor(job: EmrJob, path: string) {
    this.worker = new BatchWorker(new URL('./emr-file-worker.js', import.meta.url), { job, path });
  }

  /** Sends events from … to - 1, taking the columns' buffers: the caller is done with them. */
  write(events: EventColumns, from: number, to: number): void {
    if (to <= from) return;
    const batch = eventBatch(events, to, from);
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
