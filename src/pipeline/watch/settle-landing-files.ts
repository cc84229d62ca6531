/** A landing file's size and modification time, as one stat sees it. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** A stamp and the moment the watcher first saw the file with it. */
export interface Sighting extends FileStamp {
  sinceMs: number;
}

/** What one look at the landing zone decided. */
export interface SettleResult {
  /** Every file seen now, with when it was first seen unchanged (the next call's `prior`). */
  sightings: Map<string, Sighting>;
  /** Files complete enough to ingest, in name order. */
  ready: string[];
  /** How long until the next file could settle; undefined when none is waiting. */
  waitMs: number | undefined;
  /** When each file seen now last changed, as far as the watcher can tell. */
  changedMs: Map<string, number>;
}

/** Files that change within this long of each other arrived together (one delivery). */
export const DELIVERY_BURST_MS = 250;

/**
 * Decides which landing files are complete. A file counts once it has not changed (same size
 * and modification time) for `settleMs`: either the watcher has seen it unchanged that long,
 * or its modification time is already that old (a file written elsewhere and renamed into
 * place, or there before the watcher started). Files still being written wait. Pure.
 *
 * @example
 * settleLandingFiles(new Map(), new Map([['emr_events_1.csv', { size: 9, mtimeMs: 0 }]]), 5000, 1000).ready;
 * // ['emr_events_1.csv']
 */
export function settleLandingFiles(
  prior: ReadonlyMap<string, Sighting>,
  listing: ReadonlyMap<string, FileStamp>,
  nowMs: number,
  settleMs: number,
): SettleResult {
  const sightings = new Map<string, Sighting>();
  const ready: string[] = [];
  const changedMs = new Map<string, number>();
  let waitMs: number | undefined;
  for (const [name, stamp] of [...listing].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const before = prior.get(name);
    const same = before !== undefined && before.size === stamp.size && before.mtimeMs === stamp.mtimeMs;
    const sinceMs = same ? before.sinceMs : nowMs;
    sightings.set(name, { ...stamp, sinceMs });
    const quietMs = Math.max(nowMs - sinceMs, nowMs - stamp.mtimeMs);
    changedMs.set(name, nowMs - quietMs);
    if (quietMs >= settleMs) ready.push(name);
    else waitMs = Math.min(waitMs ?? Number.POSITIVE_INFINITY, settleMs - quietMs);
  }
  return { sightings, ready, waitMs, changedMs };
}

/**
 * True when `fresh` (ready files not ingested yet) should wait for files still settling that
 * arrived with them: one changed within DELIVERY_BURST_MS after the newest of `fresh`. A
 * delivery of 30 files copied in one go is then one batch, however the watcher's look at the
 * folder fell among them, while a steady stream (files seconds apart) and a file still being
 * written (its change time moves on) hold nothing back. The wait is bounded: no file waits
 * more than one settle time plus the burst after it is ready. Pure.
 *
 * @example
 * waitsForDelivery(settled, ['emr_events_1.parquet'], now, 100); // true while emr_events_2.parquet, copied 5 ms later, settles
 */
export function waitsForDelivery(
  settled: SettleResult,
  fresh: readonly string[],
  nowMs: number,
  settleMs: number,
): boolean {
  if (fresh.length === 0 || settled.waitMs === undefined) return false;
  const changed = fresh.map((name) => settled.changedMs.get(name)!);
  // A stream of files less than the burst apart must not hold the first back for ever.
  if (nowMs - (Math.min(...changed) + settleMs) > settleMs + DELIVERY_BURST_MS) return false;
  const newest = Math.max(...changed);
  const ready = new Set(settled.ready);
  for (const [name, changed] of settled.changedMs)
    if (!ready.has(name) && changed - newest <= DELIVERY_BURST_MS) return true;
  return false;
}
