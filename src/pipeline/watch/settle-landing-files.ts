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
}

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
  let waitMs: number | undefined;
  for (const [name, stamp] of [...listing].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const before = prior.get(name);
    const same = before !== undefined && before.size === stamp.size && before.mtimeMs === stamp.mtimeMs;
    const sinceMs = same ? before.sinceMs : nowMs;
    sightings.set(name, { ...stamp, sinceMs });
    const quietMs = Math.max(nowMs - sinceMs, nowMs - stamp.mtimeMs);
    if (quietMs >= settleMs) ready.push(name);
    else waitMs = Math.min(waitMs ?? Number.POSITIVE_INFINITY, settleMs - quietMs);
  }
  return { sightings, ready, waitMs };
}
