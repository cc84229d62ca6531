import { Worker } from 'node:worker_threads';
import type { CensusSnapshot } from './census-snapshot.js';
import type { EmrDay } from './emr-day.js';
import type { EmrJob } from './emr-job.js';
import { columnsOfBatch, type EventBatch } from './event-batch.js';

interface Waiting {
  resolve: (day: EmrDay) => void;
  reject: (error: Error) => void;
}

/**
 * Generates EMR days in a worker thread of its own, so that two threads generate days at once
 * (see emr-day-worker). `generate` returns at once; its promise resolves with the day's sorted
 * events. A worker failure rejects every day still waiting.
 *
 * @example
 * const days = new EmrDayThread(job);
 * const day = await days.generate(d, dayStart, snapshot);
 * await days.close();
 */
export class EmrDayThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private failure: Error | undefined;
  private closing = false;

  constructor(job: EmrJob) {
    this.worker = new Worker(new URL('./emr-day-worker.js', import.meta.url), { workerData: job });
    this.worker.on('message', (m: { day: number; batch: EventBatch; sessions: number }) => {
      const waiting = this.waiting.get(m.day);
      this.waiting.delete(m.day);
      waiting?.resolve({ events: columnsOfBatch(m.batch), sessions: m.sessions });
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => {
      if (!this.closing) this.fail(new Error(`the EMR day worker stopped (exit code ${code})`));
    });
  }

  generate(day: number, dayStart: number, census: CensusSnapshot): Promise<EmrDay> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise<EmrDay>((resolve, reject) => {
      this.waiting.set(day, { resolve, reject });
      this.worker.postMessage({ day, dayStart, census });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(this.failure);
    this.waiting.clear();
  }
}
