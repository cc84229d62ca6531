import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT_BENCH } from './project-root.js';
import { writeSessionsLake } from './write-sessions-lake.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const WORKER = join(HERE, 'sessions-worker.js');
const SPARK_WORKER = join(HERE, 'spark-sessions-worker.js');
const SERVER = join(PROJECT_ROOT_BENCH, 'scripts', 'spark-server.sh');
// A port of its own, so a test server on 15002 is not disturbed; the driver gets the memory the
// seed's PySpark gets, so both run on the same Spark.
const SPARK_ENV = { ...process.env, CARELAKE_SPARK_PORT: '15099', CARELAKE_SPARK_MEMORY: '8g' };
const SEED = join(PROJECT_ROOT_BENCH, 'bench', 'spark', 'seed_sessionize.py');
const PYTHON = join(PROJECT_ROOT_BENCH, '.venv', 'bin', 'python');

interface Run {
  ms: number;
  rows: number;
  maxRssMB: number;
  jvm_ms?: number;
}

/**
 * The `spark` suite (issue 16): the same silver events sessionized three ways, at 1M and 10M
 * events (CARELAKE_BENCH_SIZES overrides): the seed notebook's PySpark method on local Spark
 * (local[2], a fresh JVM per run, its start timed apart), carelake's Spark model through Spark
 * Connect on a local server (local[2], same driver memory; the server's start is timed once,
 * apart), and carelake on DuckDB (a fresh process per run). Session counts must agree.
 *
 * @example
 * const markdown = await runSparkBench('/tmp/bench', { quick: false });
 */
export async function runSparkBench(workDir: string, options: { quick?: boolean } = {}): Promise<string> {
  const fromEnv = process.env.CARELAKE_BENCH_SIZES?.split(',').map(Number);
  const sizes = fromEnv ?? (options.quick ? [1_000_000] : [1_000_000, 10_000_000]);
  const lines = [
    '| events | sessions | seed PySpark (JVM start) | seed PySpark: sessionize + write | carelake on Spark | carelake on DuckDB | seed / carelake on Spark | seed / carelake on DuckDB | peak RSS: seed (JVM + Python) / Spark server / DuckDB |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const serverStart = performance.now();
  execFileSync('bash', [SERVER, 'start'], { env: SPARK_ENV, stdio: 'ignore' });
  const serverMs = performance.now() - serverStart;
  const remote = execFileSync('bash', [SERVER, 'remote'], { env: SPARK_ENV, encoding: 'utf8' }).trim();
  try {
    for (const n of sizes) lines.push(await measure(workDir, n, remote));
  } finally {
    execFileSync('bash', [SERVER, 'stop'], { env: SPARK_ENV, stdio: 'ignore' });
  }
  rmSync(workDir, { recursive: true, force: true });
  return `${lines.join('\n')}\n\nMedian of 3 runs each (2 at 10M), alternating. The Spark Connect server (local[2], 8 GB driver, Delta) started in ${s(serverMs)}, once; the seed's JVM starts with every run. Spark server peak RSS is its high-water mark over all runs so far. Goals: carelake on Spark no slower than the seed's PySpark on the same Spark; carelake on DuckDB ≥ 10× faster than the seed's PySpark at 10M events (JVM start not counted).`;
}

/** One size: input written once, then the three runs alternated; returns its table row. */
async function measure(workDir: string, n: number, remote: string): Promise<string> {
  const input = await writeSessionsLake(workDir, n);
  const repeats = n >= 10_000_000 ? 2 : 3;
  const seed: Run[] = [];
  const onSpark: Run[] = [];
  const ours: Run[] = [];
  for (let r = 0; r < repeats; r++) {
    const out = join(workDir, `seed-${r}`);
    seed.push(run(PYTHON, [SEED, input.eventsDir, input.dimDir, out]));
    rmSync(out, { recursive: true, force: true });
    rmSync(join(input.lake, 'lh_gold.Lakehouse'), { recursive: true, force: true });
    onSpark.push(run(process.execPath, [SPARK_WORKER, remote, input.lake]));
    rmSync(join(input.lake, 'lh_gold.Lakehouse'), { recursive: true, force: true });
    ours.push(run(process.execPath, [WORKER, 'carelake', input.lake]));
  }
  const a = median(seed);
  const k = median(onSpark);
  const b = median(ours);
  if (a.rows !== b.rows || k.rows !== b.rows)
    throw new Error(
      `session counts differ: seed ${a.rows}, carelake on Spark ${k.rows}, on DuckDB ${b.rows}`,
    );
  const line = `| ${n.toLocaleString('en-US')} | ${b.rows.toLocaleString('en-US')} | ${s(a.jvm_ms ?? 0)} | ${s(a.ms)} | ${s(k.ms)} | ${s(b.ms)} | ${(a.ms / k.ms).toFixed(1)}× | ${(a.ms / b.ms).toFixed(1)}× | ${gb(a.maxRssMB)} / ${gb(serverPeakMB())} / ${gb(b.maxRssMB)} |`;
  process.stderr.write(`${line}\n`);
  return line;
}

/** The Spark Connect server's peak resident memory so far (VmHWM), in MiB. */
function serverPeakMB(): number {
  const pid = readFileSync(join(PROJECT_ROOT_BENCH, '.spark', 'server-15099.pid'), 'utf8').trim();
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return hwm ? Number(hwm[1]) / 1024 : 0;
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
