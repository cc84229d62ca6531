import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DuckDbEngine } from '../src/engine/duckdb/duckdb-engine.js';
import { readLake } from '../src/lakehouse/read-lake.js';
import { runPipeline } from '../src/pipeline/run-pipeline.js';
import { emptyRunSummary } from '../src/pipeline/run-summary.js';

// `carelake run all` on one lake in a fresh process; prints the steps, total and peak RSS.
const lake = await readLake(process.argv[2]!);
const started = performance.now();
const engine = await DuckDbEngine.open({
  ...(lake.config.engine?.memoryLimit ? { memoryLimit: lake.config.engine.memoryLimit } : {}),
  tempDirectory: join(tmpdir(), 'carelake-spill'),
});
const summary = emptyRunSummary();
const errors = await runPipeline(
  {
    engine,
    lake,
    batchId: randomUUID(),
    startedAt: new Date(),
    fullRefresh: false,
    summary,
    log: () => undefined,
  },
  'all',
);
engine.close();
// CPU seconds of the whole process (DuckDB's threads included): steadier than wall time when
// other work shares the machine.
const cpu = process.cpuUsage();
process.stdout.write(
  `${JSON.stringify({ ms: performance.now() - started, errors, steps: summary.steps, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), cpuMs: Math.round((cpu.user + cpu.system) / 1000) })}\n`,
);
