import type { Snapshot } from '../../delta/snapshot.js';

/** Parquet bytes per event assumed when a file has no row count: low, so the estimate errs high. */
const MIN_BYTES_PER_EVENT = 8;

/**
 * Events per clinician bucket of silver emr_events, from the log's file statistics (no data file
 * is read). A file without `numRecords` is estimated from its size, on the high side.
 *
 * @example
 * countBucketEvents(snapshot, [3, 7]); // Map { 3 => 612000, 7 => 598000 }
 */
export function countBucketEvents(snapshot: Snapshot, buckets: readonly number[]): Map<number, number> {
  const counts = new Map(buckets.map((b) => [b, 0]));
  for (const file of snapshot.files) {
    const bucket = Number(file.partitionValues.clinician_bucket);
    const current = counts.get(bucket);
    if (current === undefined) continue;
    const stats = file.stats ? (JSON.parse(file.stats) as { numRecords?: number }) : {};
    const events = stats.numRecords ?? Math.ceil(Number(file.size) / MIN_BYTES_PER_EVENT);
    counts.set(bucket, current + events);
  }
  return counts;
}
