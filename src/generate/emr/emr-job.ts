import { join } from 'node:path';
import { eventFields } from '../datasets/event-fields.js';
import { LANDING_DATASETS } from '../datasets/landing-schemas.js';
import { openRowOutput, type RowOutputOptions } from '../output/row-output.js';
import type { Census } from '../population/census.js';
import { EmrActivity } from './emr-activity.js';
import type { EmrDay } from './emr-day.js';
import { emrDaySource } from './emr-day-source.js';
import { EmrEventsParquetFile } from './emr-events-parquet-file.js';
import { EmrFileThread } from './emr-file-thread.js';

/** Everything needed to write emr_events: plain data, so it can be sent to a worker thread. */
export interface EmrJob {
  seed: number;
  clinicians: number;
  events: number;
  roleMinutes: Readonly<Record<string, number>>;
  unitShare: readonly number[];
  periodStart: number;
  periodDays: number;
  /** Folder of the run's temporary files. */
  dir: string;
  output: RowOutputOptions;
  /** Encode and write a clean Parquet emr_events in a thread of its own (same bytes). */
  fileThread?: boolean;
  /** In a worker, generate every other day in a second worker (same bytes). */
  dayThread?: boolean;
  /** The hash salt, when census patients arrive without pseudonyms (see PseudonymCache). */
  salt?: string;
}

/** What writing emr_events produced. */
export interface EmrResult {
  rows: number;
  sessions: number;
  /** Injected faults by kind (undefined without --dirty). */
  faults: Record<string, number> | undefined;
}

/** A started emr_events writer: feed it each day's census, then finish it. */
export interface EmrRun {
  /** Generates and writes one day (days in order). */
  day(day: number, dayStart: number, census: Census): void | Promise<void>;
  /** Generates a day without writing it: days may be generated ahead, or in other threads. */
  generate(day: number, dayStart: number, census: Census): EmrDay;
  /** Writes a generated day (days in order); `day` is generate then take. */
  take(day: EmrDay, dayStart: number): void | Promise<void>;
  finish(): EmrResult | Promise<EmrResult>;
  /** Stops a file thread, if any, after a failure. */
  abort(): Promise<void>;
}

/**
 * Starts writing `<dir>/emr_events.<format>`: the same roster (same seed and stream as
 * clinicians.csv), plan and random streams whether it runs in this thread or in a worker, and
 * whether the file is encoded here or in a thread of its own, so the bytes never depend on
 * where it ran.
 *
 * @example
 * const run = startEmr(job);
 * run.day(d, dayStart, census);
 * const { rows } = run.finish();
 */
export function startEmr(job: EmrJob): EmrRun {
  const { roster, plan } = emrDaySource(job);
  const path = join(job.dir, 'emr_events.parquet');
  if (job.output.format === 'parquet' && job.output.rate <= 0 && job.fileThread) {
    // Clean Parquet with a file thread: this thread generates, the other encodes and writes.
    const file = new EmrFileThread(job, path);
    const activity = new EmrActivity(job.seed, roster, plan, (events, from, to) =>
      file.write(events, from, to),
    );
    return {
      day: async (day, dayStart, census) => {
        activity.day(day, dayStart, census);
        await file.drain();
      },
      generate: (day, dayStart, census) => activity.generate(day, dayStart, census),
      take: async (day, dayStart) => {
        activity.take(day, dayStart);
        await file.drain();
      },
      finish: async () => {
        activity.finish();
        return { rows: await file.close(), sessions: activity.sessions, faults: undefined };
      },
      abort: () => file.abort(),
    };
  }
  if (job.output.format === 'parquet' && job.output.rate <= 0) {
    // Clean Parquet, the default: events go from columns to the file with no text in between.
    const file = new EmrEventsParquetFile(path, roster);
    const activity = new EmrActivity(job.seed, roster, plan, (events, from, to) =>
      file.write(events, undefined, from, to),
    );
    return {
      day: (day, dayStart, census) => activity.day(day, dayStart, census),
      generate: (day, dayStart, census) => activity.generate(day, dayStart, census),
      take: (day, dayStart) => activity.take(day, dayStart),
      finish: () => {
        activity.finish();
        file.close();
        return { rows: file.rows, sessions: activity.sessions, faults: undefined };
      },
      abort: async () => undefined,
    };
  }
  const out = openRowOutput(job.dir, LANDING_DATASETS.emr_events, job.output);
  let seq = 0;
  const activity = new EmrActivity(job.seed, roster, plan, (events, from, to) => {
    for (let k = from; k < to; k++) out.write(eventFields(seq++, events, k, roster));
  });
  return {
    day: (day, dayStart, census) => activity.day(day, dayStart, census),
    generate: (day, dayStart, census) => activity.generate(day, dayStart, census),
    take: (day, dayStart) => activity.take(day, dayStart),
    finish: () => {
      activity.finish();
      out.close();
      return { rows: out.file.rows, sessions: activity.sessions, faults: out.faults?.counts };
    },
    abort: async () => undefined,
  };
}
