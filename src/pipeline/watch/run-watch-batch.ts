import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { DuckDbEngine } from '../../engine/duckdb/duckdb-engine.js';
import type { Lake } from '../../lakehouse/read-lake.js';
import type { RunContext } from '../run-context.js';
import { type RunTarget, runPipeline } from '../run-pipeline.js';
import { type BatchRecord, describeBatch } from './batch-record.js';
import { readTableVersions } from './read-table-versions.js';
import { timedRunSummary } from './timed-run-summary.js';

/** One micro-batch to run. */
export interface WatchBatchInput {
  engine: DuckDbEngine;
  lake: Lake;
  /** The batch's number in this watcher's life, for the log. */
  batch: number;
  /** The settled landing files to ingest (already ingested ones are skipped by their txn). */
  files: ReadonlySet<string>;
  now: () => Date;
  /** `all` (default); tests may narrow it. */
  target?: RunTarget;
  log: (line: string) => void;
  /** Runs after the pipeline, inside the same lock (alert rules); returns the alerts fired. */
  afterRun?: (ctx: RunContext) => Promise<number>;
  /** The batch between whose hospital steps this one runs, for the log. */
  within?: number;
  /** Runs between the hospital pipeline's steps (RunContext.betweenSteps). */
  betweenSteps?: () => Promise<void>;
  /** The watcher's expectation results, so tables a batch did not change are not checked again. */
  expectationCache?: RunContext['expectationCache'];
}

/**
 * Runs the incremental pipeline once over `files` and describes what it did. It is exactly a
 * `carelake run all` restricted to those landing files: bronze ingests each file under its
 * name-and-content `txn`, silver and gold catch up from their own watermarks, so a batch that
 * was killed at any point is completed by the next one and no file is counted twice. The
 * caller holds the lake's run lock.
 *
 * @example
 * const record = await runWatchBatch({ engine, lake, batch: 1, files: new Set(['emr_events_2.csv']), now: () => new Date(), log });
 */
export async function runWatchBatch(input: WatchBatchInput): Promise<BatchRecord> {
  const started = performance.now();
  const startedAt = input.now();
  const { summary, endedAt } = timedRunSummary();
  const ctx: RunContext = {
    engine: input.engine,
    lake: input.lake,
    batchId: randomUUID(),
    startedAt,
    fullRefresh: false,
    summary,
    log: input.log,
    landingFiles: input.files,
    ...(input.expectationCache ? { expectationCache: input.expectationCache } : {}),
    ...(input.betweenSteps ? { betweenSteps: input.betweenSteps } : {}),
  };
  const before = await readTableVersions(ctx);
  const outcome = await runPipeline(ctx, input.target ?? 'all');
  const checks = ctx.summary.steps.find((s) => s.step === 'expectations')?.ms ?? 0;
  const committedMs = performance.now() - started - checks;
  const sessionsAt = endedAt.get('gold clinician_emr_sessions');
  const edMetricsAt = endedAt.get('gold gold_healthcare_ed_metrics');
  const alertsFired = input.afterRun ? await input.afterRun(ctx) : 0;
  return describeBatch({
    batch: input.batch,
    batchId: ctx.batchId,
    startedAt,
    files: [...input.files],
    summary: ctx.summary,
    before,
    errors: outcome.errors,
    alertsFired,
    ms: performance.now() - started,
    committedMs,
    ...(sessionsAt === undefined ? {} : { sessionsMs: sessionsAt - started }),
    ...(edMetricsAt === undefined ? {} : { edMetricsMs: edMetricsAt - started }),
    ...(input.within === undefined ? {} : { within: input.within }),
  });
}
