/**
 * The earliest and latest of the first `n` times (n ≥ 1): both time sorts size their counting
 * array from this span.
 *
 * @example
 * const [min, max] = timeBounds(events.ts, events.length);
 */
export function timeBounds(ts: Float64Array, n: number): [number, number] {
  let min = ts[0]!;
  let max = min;
  for (let i = 1; i < n; i++) {
    const t = ts[i]!;
    if (t < min) min = t;
    else if (t > max) max = t;
  }
  return [min, max];
}
