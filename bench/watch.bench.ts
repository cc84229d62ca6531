import { execFileSync, spawn } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateLanding } from '../src/generate/generate-landing.js';
import { SCALES, type ScaleName } from '../src/generate/scales.js';
import { defaultLakeConfig } from '../src/lakehouse/lake-config.js';
import { configPath, landingDir } from '../src/lakehouse/lake-layout.js';
import { PROJECT_ROOT_BENCH } from './project-root.js';
import { type FeedFile, writeWatchFeed } from './watch-feed.js';

const CLI = join(PROJECT_ROOT_BENCH, 'dist', 'src', 'cli', 'main.js');

interface BatchLine {
  at: string;
  event: string;
  files?: string[];
  duration_ms?: number;
  committed_ms?: number;
  sessions_ms?: number | null;
  ed_metrics_ms?: number | null;
  batch?: number;
  rows_in?: number;
}

/**
 * The `watch` suite: a `carelake watch` process on a lake (medium; small with --quick) after one
 * `carelake run all`, fed a stream of EMR event files (10k events each, renamed into place) with an
 * admissions CSV of ED arrivals every 10th file.
 *
 * - latency: one file every CARELAKE_BENCH_WATCH_GAP_MS (default 2000) for CARELAKE_BENCH_WATCH_FILES
 *   files (default 100); an EMR file's latency is from its rename to the clinician_emr_sessions
 *   commit of the batch that ingested it (its sessions are queryable then; the batch's hospital
 *   tables, expectations and alert rules may come after), also reported up to the batch's last
 *   data commit; an ED file's, to the batch's last data commit;
 * - delivery: a backlog of 30 files at once, events ingested per second until the last is in;
 * - memory: the watcher's RSS, sampled every 2 s, over a soak of CARELAKE_BENCH_WATCH_SOAK_MIN
 *   minutes (default 30) with a file every 10 s. A batch that rebuilds the hospital tables peaks
 *   ~1 GB above the rest for a few seconds, so a minute's maximum says whether an ED file was in
 *   it; growth is read from the median of the soak's first and last tenth, peaks reported beside.
 *
 * - sustained: after the soak, a steady stream at each rate of CARELAKE_BENCH_WATCH_RATES (events/s,
 *   default 50000,100000,150000) for CARELAKE_BENCH_WATCH_STREAM_S seconds (default 30), EMR files
 *   evenly spaced and an ED file every 20 s as in the latency phase. A rate is sustained when the
 *   latency does not grow: from the median of the step's first third of files to that of its last
 *   third, at most 0.05 s per second of stream. Below capacity the latency settles at about a
 *   batch cycle; above it the backlog grows and with it the latency, by (1 − capacity / rate) per
 *   second. Each step drains before the next.
 *
 * CARELAKE_BENCH_WATCH_LOG=FILE keeps the watcher's JSON lines, the delivery times and the RSS
 * samples there (JSON lines), to look into a run afterwards.
 *
 * @example
 * const markdown = await runWatchBench('/tmp/bench', { quick: false });
 */
export async function runWatchBench(workDir: string, options: { quick?: boolean } = {}): Promise<string> {
  const scale: ScaleName = options.quick ? 'small' : 'medium';
  const latencyFiles = Number(process.env.CARELAKE_BENCH_WATCH_FILES ?? (options.quick ? 10 : 100));
  const gapMs = Number(process.env.CARELAKE_BENCH_WATCH_GAP_MS ?? 2000);
  const soakMin = Number(process.env.CARELAKE_BENCH_WATCH_SOAK_MIN ?? (options.quick ? 1 : 30));
  const burst = options.quick ? 5 : 30;
  const soakFiles = Math.ceil((soakMin * 60_000) / 10_000);
  const rates = (process.env.CARELAKE_BENCH_WATCH_RATES ?? (options.quick ? '50000' : '50000,100000,150000'))
    .split(',')
    .map(Number);
  const streamS = Number(process.env.CARELAKE_BENCH_WATCH_STREAM_S ?? (options.quick ? 10 : 30));
  const perFile = 10_000;
  const streamFiles = rates.map((r) => Math.round((r / perFile) * streamS));
  rmSync(workDir, { recursive: true, force: true });
  const lake = join(workDir, 'lake');
  mkdirSync(landingDir(lake), { recursive: true });
  writeFileSync(configPath(lake), JSON.stringify(defaultLakeConfig('bench')));
  await generateLanding({
    outDir: landingDir(lake),
    seed: 7,
    counts: SCALES[scale],
    format: 'parquet',
    dirtyRate: 0,
    salt: 'benchmark-salt-not-secret-0123456789',
  });
  const runStart = performance.now();
  execFileSync(process.execPath, [CLI, 'run', 'all', '--lake', lake], {
    env: { ...process.env, TZ: 'UTC' },
    stdio: 'ignore',
  });
  const runAllS = (performance.now() - runStart) / 1000;
  process.stderr.write(`watch bench: ${scale} lake ready, run all ${runAllS.toFixed(1)} s\n`);
  const feed = await writeWatchFeed(
    lake,
    join(workDir, 'staging'),
    latencyFiles + burst + soakFiles + streamFiles.reduce((a, b) => a + b, 0),
    perFile,
    10,
  );

  const watcher = spawn(
    process.execPath,
    [CLI, 'watch', '--lake', lake, '--json', '--interval', '1s', '--settle', '100ms'],
    {
      env: { ...process.env, TZ: 'UTC' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const logFile = process.env.CARELAKE_BENCH_WATCH_LOG;
  if (logFile) writeFileSync(logFile, '');
  const log = (record: object) => {
    if (logFile) appendFileSync(logFile, `${JSON.stringify(record)}\n`);
  };
  const lines: BatchLine[] = [];
  let buffer = '';
  watcher.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    for (const p of parts) {
      if (!p.startsWith('{')) continue;
      lines.push(JSON.parse(p) as BatchLine);
      log({ watcher: JSON.parse(p) });
    }
  });
  const rss: { t: number; mb: number }[] = [];
  const sampler = setInterval(() => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${watcher.pid}/status`, 'utf8'))?.[1]);
      rss.push({ t: performance.now(), mb: kb / 1024 });
      log({ rss_mb: Math.round(kb / 1024), at: new Date().toISOString() });
    } catch {
      // The watcher has ended.
    }
  }, 2000);
  const delivered = new Map<string, number>();
  const deliver = (f: FeedFile) => {
    const temp = join(landingDir(lake), `.${f.name}.tmp`);
    copyFileSync(f.path, temp);
    renameSync(temp, join(landingDir(lake), f.name));
    delivered.set(f.name, Date.now());
    log({ delivered: f.name, at: new Date().toISOString() });
  };
  // An EMR file's sessions are queryable when its batch's sessions commit is done (sessions_ms);
  // an ED file's stays are on the ED page when its batch's ED metrics commit is (ed_metrics_ms).
  // Both are also reported up to the batch's last data commit (committed_ms). The batch line
  // comes after the expectations and alerts: its time less duration_ms is the batch's start.
  const batchOf = (name: string) => lines.find((l) => l.event === 'batch' && l.files?.includes(name));
  const ingestedAt = (name: string, upTo: 'queryable' | 'committed' = 'queryable') => {
    const line = batchOf(name);
    if (line === undefined) return undefined;
    const queryable = name.startsWith('emr_events') ? line.sessions_ms : line.ed_metrics_ms;
    return (
      Date.parse(line.at) -
      line.duration_ms! +
      ((upTo === 'queryable' ? queryable : null) ?? line.committed_ms!)
    );
  };
  const waitFor = async (names: readonly string[]) => {
    while (names.some((n) => ingestedAt(n) === undefined)) await sleep(200);
  };
  while (!lines.some((l) => l.event === 'idle')) await sleep(200);

  // Latency: a file every gapMs.
  const latencyFeed = feedFiles(feed, 0, latencyFiles);
  const loadBefore = loadavg()[0]!;
  for (const f of latencyFeed) {
    deliver(f);
    await sleep(gapMs);
  }
  await waitFor(latencyFeed.map((f) => f.name));
  const latencies = (kind: FeedFile['kind'], upTo: 'queryable' | 'committed' = 'queryable') =>
    latencyFeed
      .filter((f) => f.kind === kind)
      .map((f) => (ingestedAt(f.name, upTo)! - delivered.get(f.name)!) / 1000);
  const emr = latencies('emr');
  const emrBatch = latencies('emr', 'committed');
  const ed = latencies('ed');
  const edBatch = latencies('ed', 'committed');
  const batchMs = lines
    .filter((l) => l.event === 'batch')
    .slice(1)
    .map((l) => l.duration_ms!);

  // Sustained: a backlog at once.
  const burstFeed = feedFiles(feed, latencyFiles, burst);
  const burstStart = Date.now();
  for (const f of burstFeed) deliver(f);
  await waitFor(burstFeed.map((f) => f.name));
  const burstEmr = burstFeed.filter((f) => f.kind === 'emr');
  const burstS = (Math.max(...burstEmr.map((f) => ingestedAt(f.name)!)) - burstStart) / 1000;
  const burstAllS = (Math.max(...burstFeed.map((f) => ingestedAt(f.name, 'committed')!)) - burstStart) / 1000;
  const burstEvents = burstEmr.reduce((n, f) => n + f.events, 0);
  const burstBatches = new Set(burstFeed.map((f) => batchOf(f.name)?.batch)).size;

  // Soak: a file every 10 s, RSS sampled.
  const soakFeed = feedFiles(feed, latencyFiles + burst, soakFiles);
  const soakStart = performance.now();
  for (const f of soakFeed) {
    deliver(f);
    await sleep(10_000);
  }
  await waitFor(soakFeed.map((f) => f.name));
  const soakEnd = performance.now();

  // Sustained: a steady stream at each rate.
  const streams: StreamStep[] = [];
  let streamSkip = latencyFiles + burst + soakFiles;
  for (const [i, rate] of rates.entries()) {
    const stepFeed = feedFiles(feed, streamSkip, streamFiles[i]!);
    streamSkip += streamFiles[i]!;
    const emrFiles = stepFeed.filter((f) => f.kind === 'emr');
    const edFiles = stepFeed.filter((f) => f.kind === 'ed');
    const gap = (perFile / rate) * 1000;
    const stepStart = performance.now();
    const sent: FeedFile[] = [];
    for (const [k, f] of emrFiles.entries()) {
      const due = stepStart + k * gap;
      if (due > performance.now()) await sleep(due - performance.now());
      deliver(f);
      sent.push(f);
      const edDue = Math.floor((k * gap) / 20_000);
      if (edDue >= sent.filter((s) => s.kind === 'ed').length && edFiles.length > 0) {
        const ed = edFiles.shift()!;
        deliver(ed);
        sent.push(ed);
      }
    }
    await waitFor(sent.map((f) => f.name));
    const lat = emrFiles.map((f) => (ingestedAt(f.name)! - delivered.get(f.name)!) / 1000);
    const third = Math.max(1, Math.floor(lat.length / 3));
    streams.push({
      rate,
      files: emrFiles.length,
      latencies: lat,
      first: lat.slice(0, third),
      last: lat.slice(-third),
      batches: new Set(emrFiles.map((f) => batchOf(f.name)?.batch)).size,
    });
    await sleep(3000);
  }
  clearInterval(sampler);
  watcher.kill('SIGTERM');
  await new Promise((resolve) => watcher.on('close', resolve));
  const soakRss = rss.filter((s) => s.t >= soakStart && s.t <= soakEnd).map((s) => s.mb);
  const rssTenth = Math.max(1, Math.floor(soakRss.length / 10));
  const firstRss = soakRss.slice(0, rssTenth);
  const lastRss = soakRss.slice(-rssTenth);
  const maxRss = Math.max(...rss.map((s) => s.mb));
  // Whether batches get slower as the lake grows: the soak's first and last tenth of files.
  const soakBatchMs = soakFeed.filter((f) => f.kind === 'emr').map((f) => batchOf(f.name)!.duration_ms!);
  const tenth = Math.max(1, Math.floor(soakBatchMs.length / 10));
  rmSync(workDir, { recursive: true, force: true });

  const pct = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length === 0 ? Number.NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  };
  const rate = Math.round(burstEvents / burstS);
  // The thirds' midpoints are two thirds of the step apart.
  const growth = (st: StreamStep) => (pct(st.last, 50) - pct(st.first, 50)) / ((2 / 3) * streamS);
  const holds = (st: StreamStep) => growth(st) <= 0.05;
  const sustained = streams.filter(holds).map((st) => st.rate);
  const streamRows = streams.map(
    (st) =>
      `| sustained stream at ${st.rate.toLocaleString('en-US')} events/s for ${streamS} s (${st.files} EMR files, an ED file every 20 s) arrival → sessions queryable | p50 ${pct(st.latencies, 50).toFixed(1)} s, p95 ${pct(st.latencies, 95).toFixed(1)} s; median of first third ${pct(st.first, 50).toFixed(1)} s, of last third ${pct(st.last, 50).toFixed(1)} s (${growth(st) >= 0 ? '+' : ''}${growth(st).toFixed(2)} s per s); ${st.batches} batches: ${holds(st) ? 'latency flat' : 'latency grows'} | |`,
  );
  return [
    '| measurement | value | goal |',
    '|---|---|---|',
    `| lake | ${scale} (${SCALES[scale].events.toLocaleString('en-US')} events, ${SCALES[scale].admissions.toLocaleString('en-US')} admissions), first run all ${runAllS.toFixed(0)} s | |`,
    `| EMR file (10,000 events) arrival → sessions queryable (its batch's clinician_emr_sessions commit), ${emr.length} files, one every ${gapMs / 1000} s | p50 ${pct(emr, 50).toFixed(1)} s, p95 ${pct(emr, 95).toFixed(1)} s, max ${pct(emr, 100).toFixed(1)} s | p95 < 5 s |`,
    `| the same files, arrival → their batch's last data commit (the hospital tables too, when an ED file is in it) | p50 ${pct(emrBatch, 50).toFixed(1)} s, p95 ${pct(emrBatch, 95).toFixed(1)} s, max ${pct(emrBatch, 100).toFixed(1)} s | |`,
    `| ED arrivals file (20 stays) arrival → gold_healthcare_ed_metrics (its batch's commit of it), ${ed.length} files | p50 ${pct(ed, 50).toFixed(1)} s, p95 ${pct(ed, 95).toFixed(1)} s | |`,
    `| the same files, arrival → their batch's last data commit (every hospital table rebuilt) | p50 ${pct(edBatch, 50).toFixed(1)} s, p95 ${pct(edBatch, 95).toFixed(1)} s | |`,
    `| batch duration during the latency phase (${batchMs.length} batches) | p50 ${(pct(batchMs, 50) / 1000).toFixed(1)} s, p95 ${(pct(batchMs, 95) / 1000).toFixed(1)} s | |`,
    `| delivery: backlog of ${burst} EMR files (${burstEvents.toLocaleString('en-US')} events) and their ED files, until every EMR file's sessions are queryable | ${burstS.toFixed(1)} s, ${rate.toLocaleString('en-US')} events/s, ${burstBatches} batch(es) | |`,
    `| the same backlog until its last data commit (ED files: hospital tables rebuilt) | ${burstAllS.toFixed(1)} s, ${Math.round(burstEvents / burstAllS).toLocaleString('en-US')} events/s | |`,
    `| soak batch duration, first and last ${tenth} EMR files | p50 ${(pct(soakBatchMs.slice(0, tenth), 50) / 1000).toFixed(1)} s, then p50 ${(pct(soakBatchMs.slice(-tenth), 50) / 1000).toFixed(1)} s | |`,
    `| watcher RSS over a ${soakMin}-minute soak (a file every 10 s), sampled every 2 s: median of its first and last tenth (max of each) | ${pct(firstRss, 50).toFixed(0)} MB (${pct(firstRss, 100).toFixed(0)}), then ${pct(lastRss, 50).toFixed(0)} MB (${pct(lastRss, 100).toFixed(0)}); max over the run ${maxRss.toFixed(0)} MB | flat |`,
    ...streamRows,
    `| sustained events/s: the highest stream rate whose latency stays flat | ${sustained.length === 0 ? 'none of the rates tried' : Math.max(...sustained).toLocaleString('en-US')} | ≥ 100k events/s |`,
    `| load average (1 min) at the start of the latency phase | ${loadBefore.toFixed(1)} | |`,
  ].join('\n');
}

/** One rate of the sustained stream and the latencies (s) of its EMR files, in delivery order. */
interface StreamStep {
  rate: number;
  files: number;
  latencies: number[];
  first: number[];
  last: number[];
  batches: number;
}

/** `count` EMR files from the `skip`-th on, each with the ED file that follows it in the feed. */
function feedFiles(feed: readonly FeedFile[], skip: number, count: number): FeedFile[] {
  const emrIndexes = feed.map((f, i) => (f.kind === 'emr' ? i : -1)).filter((i) => i >= 0);
  const from = emrIndexes[skip] ?? feed.length;
  const to = emrIndexes[skip + count] ?? feed.length;
  return feed.slice(from, to);
}
