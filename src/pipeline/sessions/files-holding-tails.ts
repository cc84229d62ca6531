import type { AddFile } from '../../delta/actions.js';

/**
 * The data files of gold clinician_emr_sessions that a tail recomputation must rewrite: those of
 * a bucket in `fromUs` that may hold a session starting at or after the bucket's instant
 * (microseconds since the epoch: the earliest instant any of its tails is recomputed from).
 * Every session a tail replaces starts then or later (build-session-tails.ts), so a file whose
 * latest session_start_time is earlier holds none and is left in place. A file's maximum comes from its Delta statistics, which keep
 * milliseconds: the file counts when its maximum's millisecond reaches `fromUs`, and always when
 * the statistics are missing or unreadable. Pure.
 *
 * @example
 * filesHoldingTails(snapshot.files, new Map([[3, 1_735_689_600_000_000]])); // the files to rewrite
 */
export function filesHoldingTails(files: readonly AddFile[], fromUs: ReadonlyMap<number, number>): AddFile[] {
  return files.filter((f) => {
    const from = fromUs.get(Number(f.partitionValues.clinician_bucket));
    if (from === undefined) return false;
    const maxMs = latestStartMs(f);
    return maxMs === undefined || maxMs * 1000 + 999 >= from;
  });
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
