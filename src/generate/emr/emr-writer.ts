import type { Census } from '../population/census.js';
import { type EmrJob, type EmrResult, startEmr } from './emr-job.js';
import { EmrWorkerClient } from './emr-worker-client.js';

/** Writes emr_events from the simulation's days, in this thread or a worker. */
export interface EmrWriter {
  day(day: number, dayStart: number, census: Census): void | Promise<void>;
  finish(): Promise<EmrResult>;
  /** Stops without finishing (after a failure elsewhere), so no worker keeps the process alive. */
  abort(): Promise<void>;
}

/**
 * An emr_events writer: in a worker thread when `worker` is true (the events then cost the main
 * thread almost nothing), else in this thread. Both give the same bytes.
 *
 * @example
 * const emr = openEmrWriter(job, 6, true);
 */
export function openEmrWriter(job: EmrJob, units: number, worker: boolean): EmrWriter {
  if (worker) return new EmrWorkerClient(job, units);
  const run = startEmr(job);
  return {
    day: (day, dayStart, census) => run.day(day, dayStart, census),
    finish: async () => run.finish(),
    abort: () => run.abort(),
  };
}
