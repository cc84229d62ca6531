import type { DuckDbEngine } from '../../engine/duckdb/duckdb-engine.js';
import { CarelakeError } from '../../errors/carelake-error.js';
import { landingDir } from '../../lakehouse/lake-layout.js';
import type { Lake } from '../../lakehouse/read-lake.js';
import { acquireRunLock } from '../../lakehouse/run-lock/acquire-run-lock.js';
import { LakeLockedError } from '../../lakehouse/run-lock/lake-locked-error.js';
import { redactPhiLike } from '../../privacy/redact-phi-like.js';
import { LandingFileError } from '../landing/landing-file-error.js';
import { readModelMeta } from '../read-model.js';
import type { RunContext } from '../run-context.js';
import type { RunTarget } from '../run-pipeline.js';
import { SESSIONS_BRONZE_MODELS } from '../sessions/run-sessions-pipeline.js';
import type { BatchRecord } from './batch-record.js';
import { compactWatchedTables, type TableCompaction } from './compact-watched-tables.js';
import { moveLandingFileAside } from './move-landing-file-aside.js';
import { readLandingListing } from './read-landing-listing.js';
import { runWatchBatch } from './run-watch-batch.js';
import { sessionsLandingFiles } from './sessions-landing-files.js';
import {
  type FileStamp,
  type Sighting,
  settleLandingFiles,
  waitsForDelivery,
} from './settle-landing-files.js';
import { Wakeup } from './wakeup.js';

/** Everything the watcher reports, one structured record per line. */
export type WatchEvent =
  | { event: 'start'; lake: string; interval_ms: number; settle_ms: number }
  | BatchRecord
  | { event: 'idle'; batches: number }
  | { event: 'busy'; message: string }
  | { event: 'rejected'; file: string; reason: string; moved_to: string }
  | { event: 'error'; message: string }
  | { event: 'warning'; message: string }
  | { event: 'optimize'; tables: TableCompaction[]; duration_ms: number }
  | { event: 'stop'; batches: number };

/** How to watch. */
export interface WatchOptions {
  engine: DuckDbEngine;
  lake: Lake;
  /** How often to look when nothing wakes the watcher (fs.watch events wake it sooner). */
  intervalMs: number;
  /** How long a file must stay unchanged before it counts as delivered. */
  settleMs: number;
  now: () => Date;
  /** Aborting stops the watcher after the batch in progress (never in the middle of one). */
  signal: AbortSignal;
  emit: (event: WatchEvent) => void;
  log: (line: string) => void;
  /** Runs after each batch's pipeline, inside its lock (alert rules); returns the alerts fired. */
  afterRun?: (ctx: RunContext) => Promise<number>;
  /** Compact the tables batches append to (compactWatchedTables) when idle this long after the last compaction; 0 or absent: never. */
  compactEveryMs?: number;
}

/**
 * Watches the landing zone and runs the incremental pipeline as files arrive, until `signal`
 * aborts. Returns the number of batches run.
 *
 * Guarantees (test/pipeline/watch*.test.ts, with real processes):
 * - A file is ingested once complete: renamed into place, or unchanged for `settleMs`.
 * - Micro-batches: the files that settled since the last batch are one run. The first batch
 *   (at start) takes every settled file and lets silver and gold catch up, so a watcher killed
 *   at any point (SIGKILL included) and restarted leaves the tables equal to one `carelake run
 *   all` over the same files: ingestion is keyed by file name and content (`txn`), silver and
 *   gold by their input versions.
 * - Files delivered together are one batch: ready files wait for those still settling that
 *   changed within DELIVERY_BURST_MS of them (waitsForDelivery), at most one settle time more.
 * - EMR, clinician and role files that settle while a batch rebuilds the hospital tables run
 *   as a sessions batch of their own between two hospital steps once the ED metrics are built
 *   (its record says `within`), so their sessions wait a few hospital steps, not the whole rebuild. Every step reads its
 *   inputs when it starts and the sessions tables are no hospital step's input, so the tables
 *   end as if the batches had run one after the other (test/pipeline/watch-interleave.test.ts).
 * - Each batch holds the lake's run lock, so a `carelake run` and a watcher never overlap; a
 *   busy lake is retried every interval.
 * - With `compactEveryMs`, when nothing is waiting, batches ran since the last compaction and
 *   that long has passed since it (or the start), the small files batches appended are merged under the lock
 *   (an `optimize` event); rows do not change and the next batch stays incremental.
 * - An unreadable file is moved aside with its reason (rejected folder) and the batch is run
 *   again without it; bad rows go to quarantine as in any run; any other failure is reported
 *   and retried after the interval. The watcher keeps going.
 *
 * @example
 * await watchLandingZone({ engine, lake, intervalMs: 5000, settleMs: 1000, now: () => new Date(), signal, emit, log });
 */
export async function watchLandingZone(options: WatchOptions): Promise<number> {
  const { lake, signal, emit } = options;
  const dir = landingDir(lake.dir);
  const wakeup = new Wakeup(dir, signal);
  emit({ event: 'start', lake: lake.dir, interval_ms: options.intervalMs, settle_ms: options.settleMs });
  let sightings = new Map<string, Sighting>();
  const processed = new Map<string, string>();
  const expectationCache: NonNullable<RunContext['expectationCache']> = new Map();
  const sessionsPrefixes = SESSIONS_BRONZE_MODELS.map((m) => readModelMeta('bronze', m).landing!.prefix);
  let inFlight = new Set<string>();
  let lastCompaction = options.now().getTime();
  let batchesAtCompaction = 0;
  let batches = 0;
  let started = 0;
  let catchUp = true;
  let busy = false;
  let idle = false;
  try {
    while (!signal.aborted) {
      const listing = await readLandingListing(dir);
      const settled = settleLandingFiles(sightings, listing, options.now().getTime(), options.settleMs);
      sightings = settled.sightings;
      const fresh = settled.ready.filter((name) => processed.get(name) !== stampKey(listing.get(name)!));
      let pause = options.intervalMs;
      if (!catchUp && waitsForDelivery(settled, fresh, options.now().getTime(), options.settleMs)) {
        // The rest of the delivery settles within the wait set below: one batch for all of it.
      } else if (catchUp || fresh.length > 0) {
        const files = catchUp ? settled.ready : fresh;
        const outcome = await runLocked(files);
        if (outcome === 'done') {
          for (const name of files) processed.set(name, stampKey(listing.get(name)!));
          catchUp = false;
          idle = false;
          batches++;
        }
        // After a batch, look again at once: files may have arrived meanwhile.
        if (outcome === 'done' || outcome === 'rejected') pause = 0;
      } else if (settled.waitMs === undefined && compactionDue()) {
        await compactLocked();
      } else if (settled.waitMs === undefined && !idle) {
        idle = true;
        emit({ event: 'idle', batches });
      }
      if (settled.waitMs !== undefined) pause = Math.min(pause, settled.waitMs);
      if (pause > 0) await wakeup.sleep(pause);
    }
  } finally {
    wakeup.close();
  }
  emit({ event: 'stop', batches });
  return batches;

  function compactionDue(): boolean {
    const every = options.compactEveryMs ?? 0;
    return every > 0 && batches > batchesAtCompaction && options.now().getTime() - lastCompaction >= every;
  }

  async function compactLocked(): Promise<void> {
    let lock: Awaited<ReturnType<typeof acquireRunLock>>;
    try {
      lock = await acquireRunLock(lake.dir, { command: 'carelake watch (compaction)', now: options.now });
    } catch (error) {
      if (!(error instanceof LakeLockedError)) throw error;
      return;
    }
    try {
      const done = await compactWatchedTables(options.engine, lake);
      emit({ event: 'optimize', tables: done.tables, duration_ms: done.ms });
    } catch (error) {
      const message =
        error instanceof CarelakeError
          ? error.message
          : `internal error: ${error instanceof Error ? error.message : String(error)}`;
      emit({ event: 'error', message: redactPhiLike(`compaction: ${message}`) });
    } finally {
      lastCompaction = options.now().getTime();
      batchesAtCompaction = batches;
      await lock.release();
    }
  }

  async function runLocked(files: string[]): Promise<'done' | 'busy' | 'rejected' | 'failed'> {
    let lock: Awaited<ReturnType<typeof acquireRunLock>>;
    try {
      lock = await acquireRunLock(lake.dir, {
        command: 'carelake watch',
        now: options.now,
        warn: (message) => emit({ event: 'warning', message }),
      });
    } catch (error) {
      if (!(error instanceof LakeLockedError)) throw error;
      if (!busy) emit({ event: 'busy', message: error.message });
      busy = true;
      return 'busy';
    }
    busy = false;
    try {
      inFlight = new Set(files);
      return await runBatch(files, 'all');
    } finally {
      inFlight = new Set();
      await lock.release();
    }
  }

  /** Runs one batch (the caller holds the lock) and reports it; never throws a batch's failure. */
  async function runBatch(
    files: string[],
    target: RunTarget,
    within?: number,
  ): Promise<'done' | 'rejected' | 'failed'> {
    const batch = ++started;
    try {
      emit(
        await runWatchBatch({
          engine: options.engine,
          lake,
          batch,
          files: new Set(files),
          now: options.now,
          log: options.log,
          expectationCache,
          ...(target === 'all' ? { betweenSteps: () => runArrivedSessionsFiles(batch) } : { target }),
          ...(within === undefined ? {} : { within }),
          ...(options.afterRun ? { afterRun: options.afterRun } : {}),
        }),
      );
      return 'done';
    } catch (error) {
      if (error instanceof LandingFileError) {
        const moved = await moveLandingFileAside(lake.dir, error.file, error.reason, options.now());
        emit({ event: 'rejected', file: error.file, reason: error.reason, moved_to: moved });
        return 'rejected';
      }
      const message =
        error instanceof CarelakeError
          ? error.message
          : `internal error: ${error instanceof Error ? error.message : String(error)}`;
      emit({ event: 'error', message: redactPhiLike(message) });
      return 'failed';
    }
  }

  /**
   * Between a batch's hospital steps: the EMR, clinician and role files that settled meanwhile
   * run now as a sessions batch of their own (still under the batch's lock), so a hospital
   * rebuild holds their sessions back by one step at most, not by all of it.
   */
  async function runArrivedSessionsFiles(within: number): Promise<void> {
    if (signal.aborted) return;
    const listing = await readLandingListing(dir);
    const settled = settleLandingFiles(sightings, listing, options.now().getTime(), options.settleMs);
    sightings = settled.sightings;
    const files = sessionsLandingFiles(
      settled.ready.filter(
        (name) => !inFlight.has(name) && processed.get(name) !== stampKey(listing.get(name)!),
      ),
      sessionsPrefixes,
    );
    if (files.length === 0) return;
    if ((await runBatch(files, 'sessions', within)) === 'done') {
      for (const name of files) processed.set(name, stampKey(listing.get(name)!));
      batches++;
    }
  }
}

function stampKey(stamp: FileStamp): string {
  return `${stamp.size}:${stamp.mtimeMs}`;
}
