import { Worker } from 'node:worker_threads';

/** Batches in flight before the sender waits: enough to overlap, little memory. */
const MAX_IN_FLIGHT = 3;

/**
 * A worker thread fed batches in order: `send` posts one (its typed arrays transferred, not
 * cloned) and returns at once; `drain` waits while too many are in flight; `close` asks for the
 * worker's result. The worker answers each `{ type: 'batch' }` with `{ type: 'ack' }` and
 * `{ type: 'close' }` with `{ type: 'closed', result }`. A worker failure rejects the next
 * drain or close, so the sender never hangs.
 *
 * @example
 * const worker = new BatchWorker<number>(new URL('./emr-file-worker.js', import.meta.url), job);
 * worker.send(batch, buffers);
 * await worker.drain();
 * const rows = await worker.close();
 */
export class BatchWorker<R> {
  private readonly worker: Worker;
  private inFlight = 0;
  private failure: Error | undefined;
  private result: { value: R } | undefined;
  private wake: (() => void) | undefined;

  constructor(url: URL, workerData: unknown) {
    this.worker = new Worker(url, { workerData });
    this.worker.on('message', (m: { type: 'ack' } | { type: 'closed'; result: R }) => {
      if (m.type === 'ack') this.inFlight--;
      else this.result = { value: m.result };
      this.notify();
    });
    this.worker.on('error', (e) => {
      this.failure ??= e;
      this.notify();
    });
    this.worker.on('exit', (code) => {
      if (this.result === undefined)
        this.failure ??= new Error(`a writer thread stopped (exit code ${code})`);
      this.notify();
    });
  }

  send(batch: unknown, transfer: ArrayBuffer[]): void {
    if (this.failure !== undefined) throw this.failure;
    this.inFlight++;
    this.worker.postMessage({ type: 'batch', batch }, transfer);
  }

  /** Resolves once few enough batches are in flight. */
  async drain(): Promise<void> {
    while (this.inFlight >= MAX_IN_FLIGHT && this.failure === undefined) await this.sleep();
    if (this.failure !== undefined) throw this.failure;
  }

  /** Lets the worker finish its files; resolves with its result. */
  async close(): Promise<R> {
    if (this.failure !== undefined) throw this.failure;
    this.worker.postMessage({ type: 'close' });
    while (this.result === undefined && this.failure === undefined) await this.sleep();
    const result = this.result;
    await this.worker.terminate();
    if (result === undefined) throw this.failure!;
    return result.value;
  }

  async abort(): Promise<void> {
    this.result ??= { value: undefined as R };
    await this.worker.terminate();
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

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
