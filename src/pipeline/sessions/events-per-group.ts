import { UsageError } from '../../errors/usage-error.js';

/**
 * Bytes of engine memory one event needs while sessions are computed: its share of the two
 * window sorts and of the session grouping. Measured at 10M events, whose peak was about 1.5 GB
 * of DuckDB memory; rounded up so a group never needs to spill.
 */
const BYTES_PER_EVENT = 300;

const UNITS: Record<string, number> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KIB: 2 ** 10,
  MIB: 2 ** 20,
  GIB: 2 ** 30,
  TIB: 2 ** 40,
};

/**
 * How many events one sessions query may take within the engine's memory limit (the lake's
 * `engine.memoryLimit`, DuckDB syntax such as `3GB` or `512MiB`); null means DuckDB's own default
 * (80% of RAM), which is treated as no grouping limit. A limit DuckDB would not understand is
 * refused, naming the value and the key.
 *
 * @example
 * eventsPerGroup('3GB'); // 10_000_000
 */
export function eventsPerGroup(memoryLimit: string | null): number {
  if (memoryLimit === null) return Number.POSITIVE_INFINITY;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)?\s*$/i.exec(memoryLimit);
  const unit = UNITS[(match?.[2] ?? 'B').toUpperCase()];
  const amount = Number(match?.[1]);
  if (match === null || unit === undefined || !(amount > 0)) {
    throw new UsageError(
      `carelake.json engine.memoryLimit "${memoryLimit}" is not a memory size: use a number with a unit, such as "3GB" or "512MiB"`,
    );
  }
  return Math.max(1, Math.floor((amount * unit) / BYTES_PER_EVENT));
}
