import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSessionsLake } from './write-sessions-lake.js';

const WORKER = join(dirname(fileURLToPath(import.meta.url)), 'sessions-worker.js');

interface Run {
  ms: number;
  rows: number;
  maxRssMB: number;
}

/**
 * The `sessions` suite: gold clinician_emr_sessions built by carelake (Delta in → Delta out,
 * memory-bounded) vs a hand-written DuckDB query over the same Parquet files, each in a fresh
 * process so that peak RSS is its own.
 *
 * @example
 * const markdown = await runSessionsBench('/tmp/bench', { quick: false });
 */
export async function runSessionsBench(workDir: string, options: { quick?: boolean } = {}): Promise<string> {
  const fromEnv = process.env.CARELAKE_BENCH_SIZES?.split(',').map(Number);
  const sizes = fromEnv ?? (options.quick ? [1_000_000] : [1_000_000, 10_000_000, 100_000_000]);
  const lines = [
    '| events | sessions | carelake | hand-written DuckDB | ratio | carelake peak RSS | hand-written peak RSS | carelake events/s |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const n of sizes) {
    const { lake, eventFiles, dimFiles } = await writeSessionsLake(workDir, n);
    // Five runs a side below 100M: at 1M a run lasts about 1.5 s, and the median of three still
    // moved the ratio by ±0.1 between identical runs.
    const repeats = n >= 100_000_000 ? 1 : 5;
    const ours: Run[] = [];
    const theirs: Run[] = [];
    for (let r = 0; r < repeats; r++) {
      theirs.push(
        worker([
          'handwritten',
          JSON.stringify(eventFiles),
          JSON.stringify(dimFiles),
          join(workDir, `hand-${r}.parquet`),
        ]),
      );
      rmSync(join(lake, 'lh_gold.Lakehouse'), { recursive: true, force: true });
      ours.push(worker(['carelake', lake]));
    }
    const a = medianRun(ours);
    const b = medianRun(theirs);
    if (a.rows !== b.rows)
      throw new Error(`session counts differ: carelake ${a.rows}, hand-written ${b.rows}`);
    lines.push(
      `| ${n.toLocaleString('en-US')} | ${a.rows.toLocaleString('en-US')} | ${(a.ms / 1000).toFixed(2)} s | ${(b.ms / 1000).toFixed(2)} s | ${(a.ms / b.ms).toFixed(2)}× | ${gb(a.maxRssMB)} | ${gb(b.maxRssMB)} | ${Math.round(n / (a.ms / 1000)).toLocaleString('en-US')} |`,
    );
    process.stderr.write(`${lines.at(-1)}\n`);
  }
  rmSync(workDir, { recursive: true, force: true });
  return `${lines.join('\n')}\n\nGoals: ratio ≤ 1.3× at every size; 100M events with carelake peak RSS ≤ 4 GB (lake config engine.memoryLimit 3GB, buckets processed in groups).`;
}

function worker(args: string[]): Run {
  const out = execFileSync(process.execPath, [WORKER, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Run;
}

function medianRun(runs: Run[]): Run {
  return [...runs].sort((x, y) => x.ms - y.ms)[Math.floor(runs.length / 2)]!;
}

const gb = (mb: number) => `${(mb / 1024).toFixed(2)} GB`;
