import { DuckDbEngine } from '../engine/duckdb/duckdb-engine.js';
import type { Engine } from '../engine/engine.js';
import { SparkEngine } from '../engine/spark/spark-engine.js';
import type { Lake } from '../lakehouse/read-lake.js';
import { engineOptions } from './engine-options.js';
import type { EngineChoice } from './resolve-engine-choice.js';

/**
 * Opens the engine a run chose: embedded DuckDB with the lake's limits, or a Spark Connect
 * session that writes at the lake's paths (or its `lakeUri`). Close it when done.
 *
 * @example
 * const engine = await openRunEngine(lake, { name: 'duckdb' });
 */
export async function openRunEngine(lake: Lake, choice: EngineChoice): Promise<Engine> {
  if (choice.name === 'duckdb') return DuckDbEngine.open(engineOptions(lake.config.engine));
  return SparkEngine.open({
    remote: choice.remote,
    lakeDir: lake.dir,
    ...(choice.token ? { token: choice.token } : {}),
    ...(choice.lakeUri ? { lakeUri: choice.lakeUri } : {}),
  });
}
