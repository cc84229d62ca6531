import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateLanding } from '../src/generate/generate-landing.js';
import { type DatasetCounts, SCALES } from '../src/generate/scales.js';

/** One measured generation, in a fresh process so that peak RSS is its own. */
interface Run {
  ms: number;
  /** CPU seconds of the whole process (all threads): shows contention when it exceeds wall time less. */
  cpuS: number;
  maxRssMB: number;
}

interface Case {
  label: string;
  counts: DatasetCounts;
  format: 'parquet' | 'csv';
  /** Rows the rate is reported for. */
  rate: (c: DatasetCounts) => [string, number][];
  goal: string;
}

const SELF = fileURLToPath(import.meta.url);
const SALT = 'carelake-bench-salt-0123456789';
/** Runs per case, each in a fresh process; a row shows their median (by time). */
const RUNS = 5;

/**
 * The `generate` suite: `carelake generate` throughput per dataset at medium scale (each dataset
 * alone, in the default Parquet format, and EMR events as CSV too) and whole runs, with CPU
 * seconds and peak RSS; small and medium peaks side by side show memory does not grow with scale.
 *
 * @example
 * const markdown = await runGenerateBench('/tmp/bench', { quick: false });
 */
export async function runGenerateBench(workDir: string, options: { quick?: boolean } = {}): Promise<string> {
  const base = options.quick ? SCALES.small : SCALES.medium;
  const none = { admissions: 0, claims: 0, staffing: 0, clinicians: 0, events: 0 };
  const cases: Case[] = [
    {
      // Admissions alone, as the EMR rows measure events alone: the combined row below divides
      // admissions by the time of all three datasets.
      label: 'admissions (Parquet)',
      counts: { ...none, admissions: base.admissions },
      format: 'parquet',
      rate: (c) => [['admissions', c.admissions]],
      goal: '≥ 500k admissions/s',
    },
    {
      label: 'admissions + claims + staffing (Parquet)',
      counts: { ...none, admissions: base.admissions, claims: base.claims, staffing: base.staffing },
      format: 'parquet',
      rate: (c) => [
        ['admissions', c.admissions],
        ['claims', c.claims],
      ],
      goal: '',
    },
    {
      label: 'EMR events (Parquet)',
      counts: { ...none, admissions: 30_000, clinicians: base.clinicians, events: base.events },
      format: 'parquet',
      rate: (c) => [['events', c.events]],
      goal: '≥ 2M events/s',
    },
    {
      label: 'EMR events (CSV)',
      counts: { ...none, admissions: 30_000, clinicians: base.clinicians, events: base.events },
      format: 'csv',
      rate: (c) => [['events', c.events]],
      goal: '',
    },
    {
      label: `small, all datasets (Parquet)`,
      counts: SCALES.small,
      format: 'parquet',
      rate: rowsOf,
      goal: '',
    },
    {
      label: `${options.quick ? 'small' : 'medium'}, all datasets (Parquet)`,
      counts: base,
      format: 'parquet',
      rate: rowsOf,
      goal: 'a few minutes; peak RSS independent of scale',
    },
  ];
  const lines = ['| run | rows | time | CPU | rows/s | peak RSS | goal |', '|---|---|---|---|---|---|---|'];
  for (const c of cases) {
    const dir = join(workDir, 'landing');
    // The median of RUNS runs: single runs of the same case moved by ±10–15% on this machine.
    const runs: Run[] = [];
    for (let r = 0; r < RUNS; r++) {
      rmSync(workDir, { recursive: true, force: true });
      runs.push(child(dir, c.counts, c.format));
    }
    const run = runs.sort((a, b) => a.ms - b.ms)[RUNS >> 1]!;
    const rates = c.rate(c.counts);
    const total = rates.reduce((n, [, k]) => n + k, 0);
    const perSecond = rates
      .map(([name, n]) => `${fmt(Math.round(n / (run.ms / 1000)))} ${name}/s`)
      .join(', ');
    lines.push(
      `| ${c.label} | ${fmt(total)} | ${(run.ms / 1000).toFixed(1)} s | ${run.cpuS.toFixed(1)} s | ${perSecond} | ${(run.maxRssMB / 1024).toFixed(2)} GB | ${c.goal} |`,
    );
    process.stderr.write(`${lines.at(-1)}\n`);
  }
  rmSync(workDir, { recursive: true, force: true });
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
  return `${lines.join('\n')}\n\nEach row is the median of ${RUNS} runs (by time), each in a fresh process. Rates are rows written per wall-clock second; CPU is the process's CPU seconds over all threads. Load average when the suite ended: ${load} (on ${cpus().length} cores).`;
}

function rowsOf(c: DatasetCounts): [string, number][] {
  return [['rows', c.admissions + c.claims + c.staffing + c.events]];
}

function child(dir: string, counts: DatasetCounts, format: string): Run {
  const out = execFileSync(process.execPath, [SELF, 'child', dir, JSON.stringify(counts), format], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Run;
}

const fmt = (n: number) => n.toLocaleString('en-US');

// Child mode: one generation, then its time and peak RSS as JSON on stdout.
if (process.argv[2] === 'child') {
  const [dir, counts, format] = process.argv.slice(3);
  const started = performance.now();
  const cpu = process.cpuUsage();
  await generateLanding({
    outDir: dir!,
    seed: 42,
    counts: JSON.parse(counts!) as DatasetCounts,
    format: format as 'parquet' | 'csv',
    dirtyRate: 0,
    salt: SALT,
  });
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuS = (used.user + used.system) / 1e6;
  process.stdout.write(`${JSON.stringify({ ms, cpuS, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
}
