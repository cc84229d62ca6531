import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateLanding } from '../src/generate/generate-landing.js';
import { SCALES, type ScaleName } from '../src/generate/scales.js';
import { defaultLakeConfig } from '../src/lakehouse/lake-config.js';
import { configPath, landingDir } from '../src/lakehouse/lake-layout.js';

const WORKER = join(dirname(fileURLToPath(import.meta.url)), 'pipeline-worker.js');

interface Step {
  step: string;
  ms: number;
}

/**
 * The `pipeline` suite: `carelake run all` end to end on generated data (medium; large with
 * CARELAKE_BENCH_LARGE=1), time per layer, CPU seconds, the machine's load average and peak RSS,
 * in a fresh process per run. Issue 5 defines large as 10M admissions and 25M claims; the EMR
 * events stay at medium's 10M there (100M events are the sessions suite's own large case), unless
 * CARELAKE_BENCH_LARGE=events asks for the generator's full large scale.
 *
 * @example
 * const markdown = await runPipelineBench('/tmp/bench', { quick: false });
 */
export async function runPipelineBench(workDir: string, options: { quick?: boolean } = {}): Promise<string> {
  const scales: ScaleName[] = options.quick
    ? ['small']
    : process.env.CARELAKE_BENCH_LARGE
      ? ['medium', 'large']
      : ['medium'];
  const lines = [
    '| scale | rows (admissions / claims / events) | generate | bronze | silver | gold | run all | CPU | load avg | peak RSS | goal |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const scale of scales) {
    rmSync(workDir, { recursive: true, force: true });
    const lake = join(workDir, 'lake');
    mkdirSync(landingDir(lake), { recursive: true });
    writeFileSync(configPath(lake), JSON.stringify(defaultLakeConfig('bench')));
    const counts =
      scale === 'large' && process.env.CARELAKE_BENCH_LARGE !== 'events'
        ? { ...SCALES.large, events: SCALES.medium.events, clinicians: SCALES.medium.clinicians }
        : SCALES[scale];
    const genStart = performance.now();
    await generateLanding({
      outDir: landingDir(lake),
      seed: 7,
      counts,
      format: 'parquet',
      dirtyRate: 0,
      salt: 'benchmark-salt-not-secret-0123456789',
    });
    const genMs = performance.now() - genStart;
    const loadBefore = loadavg()[0]!;
    const out = execFileSync(process.execPath, [WORKER, lake], {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'UTC' },
      maxBuffer: 1 << 24,
    });
    const run = JSON.parse(out.trim().split('\n').at(-1)!) as {
      ms: number;
      steps: Step[];
      maxRssMB: number;
      cpuMs: number;
    };
    // The 1-minute load average before and after the run: other work on the machine shows here.
    const load = `${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`;
    const layer = (name: string) =>
      run.steps.filter((s) => s.step.startsWith(name)).reduce((n, s) => n + s.ms, 0) / 1000;
    lines.push(
      `| ${scale} | ${counts.admissions.toLocaleString('en-US')} / ${counts.claims.toLocaleString('en-US')} / ${counts.events.toLocaleString('en-US')} | ${(genMs / 1000).toFixed(0)} s | ${layer('bronze').toFixed(1)} s | ${layer('silver').toFixed(1)} s | ${layer('gold').toFixed(1)} s | ${(run.ms / 1000).toFixed(1)} s | ${(run.cpuMs / 1000).toFixed(0)} s | ${load} | ${(run.maxRssMB / 1024).toFixed(2)} GB | large < 300 s |`,
    );
    process.stderr.write(`${lines.at(-1)}\n`);
  }
  rmSync(workDir, { recursive: true, force: true });
  return lines.join('\n');
}
