import { test } from 'node:test';
import { runPipeline } from './pipeline-lake.js';
import { sparkRemote } from './spark-client.js';

/** The engines every contract test runs on. */
export const TEST_ENGINES = ['duckdb', 'spark'] as const;

/** Runs `carelake run <target> [flags]` on one engine (test/helpers/pipeline-lake.ts's runPipeline). */
export type EngineRun = (lake: string, ...flags: string[]) => Promise<string>;

/**
 * Registers one test per engine (as kysely runs one suite per dialect): the body gets `run`,
 * which runs the sessions pipeline on that engine (`--engine spark --spark-remote …` for Spark),
 * so the same assertions hold on DuckDB and on Spark.
 *
 * @example
 * engineTest('equal gaps continue', async (run) => { await run(lake); … });
 */
export function engineTest(name: string, body: (run: EngineRun) => Promise<void>): void {
  for (const engine of TEST_ENGINES) {
    test(`${name} [${engine}]`, () =>
      body((lake, ...flags) =>
        runPipeline(
          lake,
          'sessions',
          ...flags,
          ...(engine === 'spark' ? ['--engine', 'spark', '--spark-remote', sparkRemote()] : []),
        ),
      ));
  }
}
