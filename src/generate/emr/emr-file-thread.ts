import { Worker } from 'node:worker_threads';
import type { EmrFileRequest } from './emr-file-worker.js';
import type { EmrJob } from './emr-job.js';
import { batchBuffers, takeBatch } from './event-batch.js';
import type { EventColumns } from './event-columns.js';

/** Batches in flight before the generating thread waits: enough to overlap, little memory. */
const MAX_IN_FLIGHT = 3;

/**
 * Writes emr_events.parquet in a thread of its own: `write` hands a copy of the events over
 * (transferred, not cloned) and returns at once; `drain` waits while too many batches are in
 * flight. The file's bytes are the same as writing in this thread, since the batches arrive
 * in order and row groups are cut by row count.
 *
 * @example
 * const file = new EmrFileThread(job, path);
 * file.write(events, order, 0, k);
 * await file.drain();
 * const rows = await file.close();
 */
export class EmrFileThread {
  private readonly worker: Worker;
  private inFlight = 0;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private closed: ((rows: number) => void) | undefined;

  constructor(job: EmrJob, path: string) {
    this.worker = new Worker(new URL('./emr-file-worker.js', import.meta.url), { workerData: { job, path } });
    this.worker.on('message', (m: { type: 'ack' } | { type: 'closed'; rows: number }) => {
      if (m.type === 'ack') this.inFlight--;
      else this.closed?.(m.rows);
      this.notify();
    });
    this.worker.on('error', (e) => {
      this.failure ??= e;
      this.notify();
    });
  }

  write(events: EventColumns, order: Int32Array, from: number, to: number): void {
    if (to <= from) return;
    const batch = takeBatch(events, order, from, to);
    this.inFlight++;
    this.send({ type: 'batch', batch }, batchBuffers(batch));
  }

  /** Resolves once few enough batches are in flight (rejects if the writer failed). */
  async drain(): Promise<void> {
    while (this.inFlight >= MAX_IN_FLIGHT && this.failure === undefined) await this.sleep();
    if (this.failure !== undefined) throw this.failure;
  }

  /** Writes the footer; resolves with the rows written. */
  async close(): Promise<number> {
    if (this.failure !== undefined) throw this.failure;
    const rows = new Promise<number>((resolve) => {
      this.closed = resolve;
    });
    this.send({ type: 'close' }, []);
    const done = await Promise.race([rows, this.failed()]);
    await this.worker.terminate();
    return done;
  }

  async abort(): Promise<void> {
    await this.worker.terminate();
  }

  private async failed(): Promise<never> {
    while (this.failure === undefined) await this.sleep();
    throw this.failure;
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const previous = this.wake;
      this.wake = () => {
        previous?.();
        resolve();
      };
    });
  }

  private send(message: EmrFileRequest, transfer: ArrayBuffer[]): void {
    this.worker.postMessage(message, transfer);
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
