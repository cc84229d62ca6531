/**
 * In non-decreasing `ts`, the first index in [from, to) whose time is at least `time` (`after`
 * false) or more than `time` (`after` true); `to` when there is none. Binary search.
 *
 * @example
 * firstAtOrAfter(new Float64Array([1, 2, 2, 3]), 0, 4, 2, false); // 1
 * firstAtOrAfter(new Float64Array([1, 2, 2, 3]), 0, 4, 2, true); // 3
 */
export function firstAtOrAfter(
  ts: Float64Array,
  from: number,
  to: number,
  time: number,
  after: boolean,
): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (after ? ts[mid]! > time : ts[mid]! >= time) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
