import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT_BENCH } from './project-root.js';
import { writeSessionsLake } from './write-sessions-lake.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const WORKER = join(HERE, 'sessions-worker.js');
const SEED = join(PROJECT_ROOT_BENCH, 'bench', 'spark', 'seed_sessionize.py');
const PYTHON = join(PROJECT_ROOT_BENCH, '.venv', 'bin', 'python');

interface Run {
  ms: number;
  rows: number;
  maxRssMB: number;
  jvm_ms?: number;
}

/**
 * The `spark` suite (issue 16): the same silver events sessionized by the seed notebook's
 * PySpark method on local Spark (local[2], JVM start timed apart) and by carelake on DuckDB,
 * each in a fresh process, at 1M and 10M events (CARELAKE_BENCH_SIZES overrides). Session
 * counts must agree. carelake on Spark joins the table once the Spark engine runs the sessions
 * model.
 *
 * @example
 * const markdown = await runSparkBench('/tmp/bench', { quick: false });
 */
export async function runSparkBench(workDir: string, options: { quick?: boolean } = {}): Promise<string> {
  const fromEnv = process.env.CARELAKE_BENCH_SIZES?.split(',').map(Number);
  const sizes = fromEnv ?? (options.quick ? [1_000_000] : [1_000_000, 10_000_000]);
  const lines = [
    '| events | sessions | seed PySpark: JVM start | seed PySpark: sessionize + write | carelake on DuckDB | seed / carelake | seed peak RSS (JVM + Python) | carelake peak RSS |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const n of sizes) {
    const input = await writeSessionsLake(workDir, n);
    const repeats = n >= 10_000_000 ? 2 : 3;
    const seed: Run[] = [];
    const ours: Run[] = [];
    for (let r = 0; r < repeats; r++) {
      const out = join(workDir, `seed-${r}`);
      seed.push(run(PYTHON, [SEED, input.eventsDir, input.dimDir, out]));
      rmSync(out, { recursive: true, force: true });
      rmSync(join(input.lake, 'lh_gold.Lakehouse'), { recursive: true, force: true });
      ours.push(run(process.execPath, [WORKER, 'carelake', input.lake]));
    }
    const a = median(seed);
    const b = median(ours);
    if (a.rows !== b.rows) throw new Error(`session counts differ: seed ${a.rows}, carelake ${b.rows}`);
    lines.push(
      `| ${n.toLocaleString('en-US')} | ${b.rows.toLocaleString('en-US')} | ${s(a.jvm_ms ?? 0)} | ${s(a.ms)} | ${s(b.ms)} | ${(a.ms / b.ms).toFixed(1)}× | ${gb(a.maxRssMB)} | ${gb(b.maxRssMB)} |`,
    );
    process.stderr.write(`${lines.at(-1)}\n`);
  }
  rmSync(workDir, { recursive: true, force: true });
  return `${lines.join('\n')}\n\nMedian of 3 runs a side (2 at 10M), alternating. Goal: carelake on DuckDB ≥ 10× faster than the seed's PySpark on local Spark at 10M events (JVM start not counted).`;
}

function run(command: string, args: string[]): Run {
  const out = execFileSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
    maxBuffer: 16 << 20,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Run;
}

function median(runs: Run[]): Run {
  return [...runs].sort((x, y) => x.ms - y.ms)[Math.floor((runs.length - 1) / 2)]!;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const gb = (mb: number) => `${(mb / 1024).toFixed(2)} GB`;
