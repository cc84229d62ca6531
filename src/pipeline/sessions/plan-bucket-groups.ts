/**
 * Splits clinician buckets into groups of at most `perGroup` events each (first fit, largest
 * bucket first), so each sessions query stays within the engine's memory. A bucket larger than a
 * group on its own gets a group to itself: buckets hold whole clinicians and are never split.
 * Pure and deterministic: groups come back with their buckets ascending, ordered by first bucket.
 *
 * @example
 * planBucketGroups(new Map([[0, 6], [1, 5], [2, 4]]), 10); // [[0, 2], [1]]
 */
export function planBucketGroups(eventsByBucket: ReadonlyMap<number, number>, perGroup: number): number[][] {
  const bySize = [...eventsByBucket].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const groups: { buckets: number[]; events: number }[] = [];
  for (const [bucket, events] of bySize) {
    const fit = groups.find((g) => g.events + events <= perGroup);
    if (fit === undefined) groups.push({ buckets: [bucket], events });
    else {
      fit.buckets.push(bucket);
      fit.events += events;
    }
  }
  return groups.map((g) => g.buckets.sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);
}
