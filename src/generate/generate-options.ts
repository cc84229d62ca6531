import type { DatasetCounts } from './scales.js';

/** Everything that determines the generated files (same options + same seed = same bytes). */
export interface GenerateOptions {
  /** The landing folder the files go to. */
  outDir: string;
  seed: number;
  counts: DatasetCounts;
  format: 'parquet' | 'csv';
  /** Share of rows given an injected fault (0 = clean). */
  dirtyRate: number;
  /**
   * The HMAC key for MRN pseudonyms. The CLI reads it from CARELAKE_HASH_SALT only;
   * `carelake demo` passes DEMO_HASH_SALT. At least 16 characters.
   */
  salt: string;
  /** Staffed beds of the simulated hospital (default 350, the lake default). */
  beds?: number;
  /** Target patients per RN by unit (default: the lake defaults). */
  ratioLimits?: Readonly<Record<string, number>>;
  /** Default inactivity window by role, in minutes (written to roles.csv). */
  roleInactivityMinutes?: Readonly<Record<string, number>>;
  /** End of the simulated period, exclusive (default 2025-04-01T00:00:00Z). */
  periodEnd?: Date;
  /** An MS-DRG weights CSV to use instead of the shipped FY2024 table. */
  drgTablePath?: string;
}

/** Knobs that change speed, never bytes. */
export interface GenerateTuning {
  /** Bytes buffered per CSV file before each write (the chunk size). */
  bufferBytes?: number;
  /** Write emr_events in a worker thread (default: when there are 100,000 events or more). */
  emrWorker?: boolean;
  /** Encode a clean Parquet emr_events in a thread of its own (default: from 100,000 events). */
  emrFileThread?: boolean;
  /**
   * In the emr_events worker, generate every other day in a second worker (default: from
   * 100,000 events).
   */
  emrDayThread?: boolean;
  /** Write clean Parquet admissions and claims in a worker thread (default: from 50,000 admissions). */
  encounterWorker?: boolean;
  /**
   * With the encounter worker, hash MRNs in the simulating thread and send the pseudonyms with
   * the stays (default: when claims outnumber admissions, so the worker is the busier thread).
   */
  hashBeforeWorker?: boolean;
  /**
   * Threads simulating eras side by side when a clean Parquet run has no staffing or EMR events
   * (default: up to two, from 50,000 admissions); 0 simulates them one after the other.
   */
  eraThreads?: number;
}
