import { Worker } from 'node:worker_threads';
import type { Census } from '../population/census.js';
import { snapshotCensus } from './census-snapshot.js';
import type { EmrJob, EmrResult } from './emr-job.js';
import type { EmrWorkerRequest } from './emr-worker.js';

/** Days the main thread may run ahead of the worker: enough to overlap, little memory. */
const MAX_AHEAD = 3;

/**
 * Runs an EMR job in a worker thread (the second core), fed one census snapshot per day. `day`
 * waits while the worker is MAX_AHEAD days behind, so memory stays flat; a worker failure
 * rejects the next call.
 *
 * @example
 * const emr = new EmrWorkerClient(job, 6);
 * await emr.day(d, dayStart, census);
 * const result = await emr.finish();
 */
export class EmrWorkerClient {
  private readonly worker: Worker;
  private ahead = 0;
  private failure: Error | undefined;
  private finished = false;
  private wake: (() => void) | undefined;
  private resolveResult: ((r: EmrResult) => void) | undefined;
  private rejectResult: ((e: Error) => void) | undefined;

  constructor(
    job: EmrJob,
    private readonly units: number,
  ) {
    this.worker = new Worker(new URL('./emr-worker.js', import.meta.url), { workerData: job });
    this.worker.on('message', (m: { type: 'done' } | { type: 'result'; result: EmrResult }) => {
      if (m.type === 'done') {
        this.ahead--;
        this.notify();
      } else {
        this.finished = true;
        this.resolveResult?.(m.result);
      }
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => {
      if (!this.finished) this.fail(new Error(`the EMR worker stopped before finishing (exit code ${code})`));
    });
  }

  async day(day: number, dayStart: number, census: Census): Promise<void> {
    while (this.ahead >= MAX_AHEAD && this.failure === undefined) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
    if (this.failure !== undefined) throw this.failure;
    this.ahead++;
    this.send({ type: 'day', day, dayStart, census: snapshotCensus(census, this.units) });
  }

  async finish(): Promise<EmrResult> {
    if (this.failure !== undefined) throw this.failure;
    const result = new Promise<EmrResult>((resolve, reject) => {
      this.resolveResult = resolve;
      this.rejectResult = reject;
    });
    this.send({ type: 'finish' });
    try {
      return await result;
    } finally {
      this.resolveResult = undefined;
      await this.worker.terminate();
    }
  }

  async abort(): Promise<void> {
    this.finished = true;
    await this.worker.terminate();
  }

  private send(message: EmrWorkerRequest): void {
    this.worker.postMessage(message);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.notify();
    this.rejectResult?.(this.failure);
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
