import { performance } from 'node:perf_hooks';

/** Timings of repeated runs of one step, in milliseconds. */
export interface Timing {
  label: string;
  runs: number[];
  median: number;
}

/**
 * Runs `fn` `repeat` times (after `warmup` unrecorded runs) and returns the timings.
 *
 * @example
 * const t = await measure('copy', 5, () => db.run(sql));
 */
export async function measure(
  label: string,
  repeat: number,
  fn: (run: number) => Promise<unknown>,
  warmup = 1,
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const runs: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await fn(i);
    runs.push(performance.now() - start);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { label, runs, median: sorted[Math.floor(sorted.length / 2)]! };
}
