import { after } from 'node:test';
import { DuckDbEngine } from '../../src/engine/duckdb/duckdb-engine.js';

/**
 * A DuckDB engine for one test file, closed when it finishes. `now` pins the clock.
 *
 * @example
 * const engine = await openTestEngine();
 */
export async function openTestEngine(options: { now?: () => number } = {}): Promise<DuckDbEngine> {
  const engine = await DuckDbEngine.open({ threads: 2, ...options });
  after(() => engine.close());
  return engine;
}
