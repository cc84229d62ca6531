import type { AddFile } from '../../delta/actions.js';

/**
 * The data files of gold clinician_emr_sessions that a tail recomputation must rewrite: those of
 * a bucket in `fromUs` that may hold a session starting at or after the bucket's instant
 * (microseconds since the epoch: the earliest instant any of its tails is recomputed from).
 * Every session a tail replaces starts then or later (build-session-tails.ts), so a file whose
 * latest session_start_time is earlier holds none and is left in place. A file's maximum comes from its Delta statistics, which keep
 * milliseconds: the file counts when its maximum's millisecond reaches `fromUs`, and always when
 * the statistics are missing or unreadable.
 *
 * A bucket's newest file (the latest session_start_time) also counts while it holds fewer than
 * `recentRows` sessions, though no tail reaches it: new sessions then join it rather than add a
 * file per batch (clinicians whose new events open a new session replace nothing). Pure.
 *
 * @example
 * filesHoldingTails(snapshot.files, new Map([[3, 1_735_689_600_000_000]]), 5000); // the files to rewrite
 */
export function filesHoldingTails(
  files: readonly AddFile[],
  fromUs: ReadonlyMap<number, number>,
  recentRows: number,
): AddFile[] {
  const newest = new Map<number, { file: AddFile; maxMs: number }>();
  for (const f of files) {
    const bucket = Number(f.partitionValues.clinician_bucket);
    const maxMs = latestStartMs(f);
    if (maxMs !== undefined && maxMs >= (newest.get(bucket)?.maxMs ?? Number.NEGATIVE_INFINITY))
      newest.set(bucket, { file: f, maxMs });
  }
  return files.filter((f) => {
    const bucket = Number(f.partitionValues.clinician_bucket);
    const from = fromUs.get(bucket);
    if (from === undefined) return false;
    const maxMs = latestStartMs(f);
    if (maxMs === undefined || maxMs * 1000 + 999 >= from) return true;
    return newest.get(bucket)?.file === f && (rowCount(f) ?? Number.POSITIVE_INFINITY) < recentRows;
  });
}

function rowCount(file: AddFile): number | undefined {
  try {
    const n = (JSON.parse(file.stats ?? '{}') as { numRecords?: unknown }).numRecords;
    return typeof n === 'number' ? n : undefined;
  } catch {
    return undefined;
  }
}

function latestStartMs(file: AddFile): number | undefined {
  if (typeof file.stats !== 'string') return undefined;
  try {
    const stats = JSON.parse(file.stats) as { maxValues?: Record<string, unknown> };
    const max = stats.maxValues?.session_start_time;
    if (typeof max !== 'string') return undefined;
    const ms = Date.parse(max);
    return Number.isFinite(ms) ? ms : undefined;
  } catch {
    return undefined;
  }
}
