import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import { SERVE_PAGES } from './serve-pages.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = join(HERE, '..', 'src', 'cli', 'main.js');
const SERVER = join(HERE, 'serve-server.js');
const CLIENTS = 50;
const REQUESTS_PER_PAGE = 8000;
const ROUNDS = 16;

/**
 * The `serve` suite (issues 14 and 15): at medium scale (1M admissions, 2.5M claims, 10M EMR
 * events), the latency of every request each dashboard page makes: cold (a fresh server, the
 * page's requests at once, as a browser sends them), warm with 1 client (each request again,
 * one at a time) and warm with 50 clients (autocannon, bounded by request count, loopback only).
 * The 50-client runs are made with tokens, roles and auditing on and off, alternately, so the
 * cost of security is measured side by side. The medium lake is built once and kept in the
 * bench folder (delete it to rebuild).
 *
 * @example
 * const markdown = await runServeBench('/tmp/bench', { quick: false });
 */
export async function runServeBench(workDir: string, options: { quick?: boolean } = {}): Promise<string> {
  const lake = join(workDir, options.quick ? 'lake-small' : 'lake-medium');
  buildLake(lake, options.quick ? 'small' : 'medium');
  const lines = [
    '| page | requests | cold p50 / p95 (max) | warm 1 client p50 / p95 | warm 50 clients p50 / p95, security on | same, security off | overhead p95 | goal |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const cold = await startBenchServer(lake, 'on');
  const clinician = await firstClinician(cold);
  const pages = Object.entries(SERVE_PAGES).map(
    ([page, urls]) =>
      [
        page,
        urls.map((u) =>
          u.replace('{clinician}', clinician).replaceAll('{today}', new Date().toISOString().slice(0, 10)),
        ),
      ] as const,
  );
  const coldTimes = new Map<string, number[]>();
  for (const [page, urls] of pages)
    coldTimes.set(page, await Promise.all(urls.map((u) => timeRequest(cold, u))));
  const warmOne = new Map<string, number[]>();
  for (const [page, urls] of pages) {
    const times: number[] = [];
    for (let round = 0; round < 10; round++) for (const u of urls) times.push(await timeRequest(cold, u));
    warmOne.set(page, times);
  }
  const open = await startBenchServer(lake, 'off');
  for (const [, urls] of pages) for (const u of urls) await timeRequest(open, u);
  const loadOn = new Map<string, number[]>();
  const loadOff = new Map<string, number[]>();
  for (const [page, urls] of pages) {
    // Alternate on and off in sixteen rounds, so drift on the machine falls on both alike.
    const on: number[] = [];
    const off: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      on.push(...(await load(cold, urls, REQUESTS_PER_PAGE / ROUNDS)));
      off.push(...(await load(open, urls, REQUESTS_PER_PAGE / ROUNDS)));
    }
    loadOn.set(page, on);
    loadOff.set(page, off);
  }
  for (const [page, urls] of pages) {
    const c = coldTimes.get(page)!;
    const w = warmOne.get(page)!;
    const on = loadOn.get(page)!;
    const off = loadOff.get(page)!;
    const overhead = (pct(on, 95) / pct(off, 95) - 1) * 100;
    lines.push(
      `| ${page} | ${urls.length} | ${ms(pct(c, 50))} / ${ms(pct(c, 95))} (${ms(Math.max(...c))}) | ${ms(pct(w, 50))} / ${ms(pct(w, 95))} | ${ms(pct(on, 50))} / ${ms(pct(on, 95))} | ${ms(pct(off, 50))} / ${ms(pct(off, 95))} | ${overhead >= 0 ? '+' : ''}${overhead.toFixed(0)} % | cold < 500 ms, warm p95 < 100 ms, security ≤ +10 % |`,
    );
    process.stderr.write(`${lines.at(-1)}\n`);
  }
  const renders = await firstRenders(
    cold,
    pages.map(([p]) => p),
  );
  lines.push(
    '',
    '| page | first render in Chromium (navigation → last response of its visuals), median of 3 | goal |',
    '|---|---|---|',
  );
  for (const [page, times] of renders) lines.push(`| ${page} | ${ms(pct(times, 50))} | < 1.5 s |`);
  stop(cold);
  stop(open);
  return `${lines.join('\n')}\n\nLake: ${options.quick ? 'small' : 'medium'} (seed 7). 50 clients: ${REQUESTS_PER_PAGE} requests per page cycling through its URLs, over 50 keep-alive connections (autocannon), with an analyst token when security is on, in ${ROUNDS} alternating rounds of on and off.`;
}

/** Time from navigation until no request is pending and every visual has its data, per page. */
async function firstRenders(server: BenchServer, pages: readonly string[]): Promise<Map<string, number[]>> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const out = new Map<string, number[]>();
  try {
    for (let round = 0; round < 3; round++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
      await context.request.post(`${server.url}/api/login`, { data: { token: server.token } });
      const page = await context.newPage();
      let lastFinished = 0;
      page.on('requestfinished', () => {
        lastFinished = performance.now();
      });
      for (const name of pages) {
        const started = performance.now();
        await page.goto(`${server.url}/app/${name}`);
        // networkidle means 500 ms without traffic: the page was done when its last response landed
        // (charts draw synchronously on data).
        await page.waitForLoadState('networkidle');
        const times = out.get(name) ?? [];
        times.push(lastFinished - started);
        out.set(name, times);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

interface BenchServer {
  child: ChildProcess;
  url: string;
  token: string;
}

function buildLake(lake: string, scale: string): void {
  if (existsSync(join(lake, '.bench-ready'))) return;
  rmSync(lake, { recursive: true, force: true });
  mkdirSync(dirname(lake), { recursive: true });
  const env = { ...process.env, TZ: 'UTC', CARELAKE_HASH_SALT: 'benchmark-salt-not-secret-0123456789abcdef' };
  const run = (args: string[]) =>
    execFileSync(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const started = performance.now();
  run(['init', '--lake', lake]);
  run(['generate', '--lake', lake, '--scale', scale, '--seed', '7']);
  run(['run', 'all', '--lake', lake]);
  process.stderr.write(`built the ${scale} lake in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  writeFileSync(join(lake, '.bench-ready'), '');
}

function startBenchServer(lake: string, security: 'on' | 'off'): Promise<BenchServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER, lake, security], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, TZ: 'UTC' },
    });
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const line = out.split('\n')[0]!;
      if (out.includes('\n')) resolve({ child, ...(JSON.parse(line) as { url: string; token: string }) });
    });
    child.once('exit', (code) => reject(new Error(`bench server exited ${code}`)));
  });
}

function stop(server: BenchServer): void {
  server.child.kill('SIGTERM');
}

function headers(server: BenchServer): Record<string, string> {
  return server.token ? { Authorization: `Bearer ${server.token}` } : {};
}

async function timeRequest(server: BenchServer, url: string): Promise<number> {
  const started = performance.now();
  const r = await fetch(`${server.url}${url}`, { headers: headers(server) });
  await r.arrayBuffer();
  if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
  return performance.now() - started;
}

async function firstClinician(server: BenchServer): Promise<string> {
  const r = await fetch(`${server.url}/api/tables/clinician_emr_sessions/rows?limit=1`, {
    headers: headers(server),
  });
  const body = (await r.json()) as { rows: { clinician_id: number }[] };
  return String(body.rows[0]!.clinician_id);
}

/** Latencies (ms) of `amount` requests over 50 connections cycling through `urls`. */
async function load(server: BenchServer, urls: readonly string[], amount: number): Promise<number[]> {
  const times: number[] = [];
  let errors = 0;
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.url,
        connections: CLIENTS,
        amount,
        headers: headers(server),
        requests: urls.map((path) => ({ method: 'GET' as const, path })),
      },
      (error) => (error ? reject(error) : resolve()),
    );
    instance.on('response', (_client, status, _bytes, time) => {
      times.push(time);
      if (status !== 200) errors++;
    });
  });
  if (errors > 0) throw new Error(`${errors} non-200 responses under load`);
  return times;
}

function pct(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function ms(v: number): string {
  return `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ms`;
}
