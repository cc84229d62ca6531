import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { makeGoldenLake } from '../helpers/golden-lake.js';
import { PROJECT_ROOT } from '../helpers/project-root.js';
import { startTestServer } from '../helpers/start-test-server.js';

// The dashboard in Debian's Chromium against a real server on the golden lake. Screenshots of
// every page go to screenshots/ (git-ignored) for review.
const SHOTS = join(PROJECT_ROOT, 'screenshots');
mkdirSync(SHOTS, { recursive: true });
const lake = await makeGoldenLake();
const { server, tokens } = await startTestServer(lake);
const browser: Browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
after(() => browser.close());

async function api<T>(path: string): Promise<T> {
  const r = await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${tokens.analyst}` } });
  assert.equal(r.status, 200, path);
  return (await r.json()) as T;
}

/** A signed-in page that records console errors. */
async function openPage(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 1000 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  const login = await context.request.post(`${server.url}/api/login`, { data: { token: tokens.analyst } });
  assert.equal(login.status(), 200);
  return { page, errors };
}

async function cardValue(page: Page, measure: string): Promise<number | null> {
  const text = await page.locator(`.kpi[data-measure="${measure}"] .kpi-value`).getAttribute('data-value');
  return text === '' || text === null ? null : Number(text);
}

async function waitForCards(page: Page, expected: Record<string, number | null>): Promise<void> {
  await page.waitForFunction(
    (e) => {
      // Runs in the page; this file is compiled without DOM types.
      const doc = (
        globalThis as unknown as {
          document: { querySelector(s: string): { getAttribute(n: string): string | null } | null };
        }
      ).document;
      return Object.entries(e).every(([m, v]) => {
        const el = doc.querySelector(`.kpi[data-measure="${m}"] .kpi-value`);
        return el !== null && el.getAttribute('data-value') === (v === null ? '' : String(v));
      });
    },
    expected,
    { timeout: 15_000 },
  );
}

/** Each card's value from the API, with the filters that card's measure allows. */
async function expectedCards(where: Record<string, string> = {}): Promise<Record<string, number | null>> {
  const meta = await api<{ measures: { name: string; dimensions: string[] }[] }>('/api/measures');
  const out: Record<string, number | null> = {};
  for (const m of CARDS) {
    const dims = meta.measures.find((x) => x.name === m)!.dimensions;
    const filters = Object.entries(where)
      .filter(([d]) => dims.includes(d))
      .map(([d, v]) => `${d}=${v}`);
    out[m] =
      (await api<{ rows: Record<string, number | null>[] }>(cardsPath(m, filters))).rows[0]![m] ?? null;
  }
  return out;
}

const CARDS = ['case_mix_index', 'readmission_rate', 'avg_los', 'occupancy_pct', 'denial_rate'];
const cardsPath = (measure: string, where: string[] = []) =>
  `/api/query?${[`measure=${measure}`, ...where.map((w) => `where=${encodeURIComponent(w)}`)].join('&')}`;

test('every page renders with no console error; screenshots for review', async () => {
  const { page, errors } = await openPage();
  for (const name of ['executive', 'readmission', 'ed', 'sessions', 'quality']) {
    await page.goto(`${server.url}/app/${name}`);
    await page.waitForLoadState('networkidle');
    await page.waitForSelector('.visual');
    assert.equal(await page.locator('.visual .error').count(), 0, `${name}: a visual shows an error`);
    if (name !== 'quality') assert.ok((await page.locator('canvas').count()) > 0, `${name} draws charts`);
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  }
  assert.deepEqual(errors, []);
});

test('cards equal the measures the API computes; a slicer filters them and lives in the URL; a reload reproduces the view', async () => {
  const { page, errors } = await openPage();
  const all = await expectedCards();
  assert.equal(all.readmission_rate, 50, 'the golden figure');
  await page.goto(`${server.url}/app/executive`);
  await waitForCards(page, all);
  for (const m of CARDS) assert.equal(await cardValue(page, m), all[m]);
  await page.fill('#slicer-payer', 'Medicare');
  await page.dispatchEvent('#slicer-payer', 'change');
  const medicare = await expectedCards({ payer: 'Medicare' });
  assert.notDeepEqual(medicare, all);
  await waitForCards(page, medicare);
  assert.match(page.url(), /payer=Medicare/);
  await page.reload();
  await waitForCards(page, medicare);
  assert.equal(await page.inputValue('#slicer-payer'), 'Medicare');
  await page.click('text=Clear filters');
  await waitForCards(page, all);
  assert.deepEqual(errors, []);
});

test('clicking a DRG bar cross-filters the cards; clicking it again clears the selection', async () => {
  const { page } = await openPage();
  await page.goto(`${server.url}/app/executive`);
  const byDrg = (
    await api<{ rows: { drg_code: string; encounters: number; readmission_rate: number }[] }>(
      '/api/query?measure=readmission_rate&measure=encounters&by=drg_code',
    )
  ).rows;
  const top = [...byDrg].sort((a, b) => b.encounters - a.encounters).slice(0, 10);
  const index = top.findIndex((r) => r.readmission_rate > 0);
  const drg = top[index]!.drg_code;
  const chart = page.locator('[data-visual="readmission-rate-by-drg-top-10-by-volume-"] .chart');
  await chart.locator('canvas').waitFor();
  await page.waitForLoadState('networkidle');
  const box = (await chart.boundingBox())!;
  // The chart's grid: 50 px left, 10 px right, 40 px bottom; bars rise from the x axis.
  const x = box.x + 50 + ((index + 0.5) * (box.width - 60)) / top.length;
  await page.mouse.click(x, box.y + box.height - 43);
  await page.waitForURL(/sel=drg_code%3A/);
  assert.match(page.url(), new RegExp(`sel=drg_code%3A${drg}`));
  const filtered = await expectedCards({ drg_code: drg });
  assert.notDeepEqual(filtered, await expectedCards());
  await waitForCards(page, filtered);
  await page.mouse.click(x, box.y + box.height - 43);
  await page.waitForURL((u) => !u.search.includes('sel='));
});

test('Export CSV downloads exactly what the API returns for the same request', async () => {
  const { page } = await openPage();
  await page.goto(`${server.url}/app/executive?payer=Medicare`);
  await waitForCards(page, await expectedCards({ payer: 'Medicare' }));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-visual="readmission-rate-by-drg-top-10-by-volume-"] button.export').click(),
  ]);
  const text = readFileSync((await download.path())!, 'utf8');
  const path = '/api/query?measure=readmission_rate&measure=encounters&by=drg_code&where=payer%3DMedicare';
  const r = await fetch(`${server.url}${path}&format=csv`, {
    headers: { Authorization: `Bearer ${tokens.analyst}` },
  });
  assert.equal(text, await r.text());
  const rows = (await api<{ rows: Record<string, string | number | null>[] }>(path)).rows;
  assert.deepEqual(
    text.trim().split('\n').slice(1),
    rows.map((x) =>
      [x.drg_code, x.readmission_rate, x.encounters].map((v) => (v === null ? '' : String(v))).join(','),
    ),
  );
});

test('without a sign-in the dashboard asks for a token and shows no data', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/app/executive`);
  await page.waitForSelector('form.login');
  assert.equal(await page.locator('.kpi').count(), 0);
  await page.fill('#token', 'clk_000000000000_' + 'x'.repeat(43));
  await page.click('button[type=submit]');
  await page.waitForSelector('.login .error');
  await page.fill('#token', tokens.viewer);
  await page.click('button[type=submit]');
  await page.waitForSelector('.kpi');
});

test('admins see the Audit page; analysts do not', async () => {
  const { page } = await openPage();
  await page.goto(`${server.url}/app/executive`);
  await page.waitForSelector('.kpi');
  assert.equal(await page.locator('nav a[href="/app/audit"]').count(), 0);
  const context = await browser.newContext();
  await context.request.post(`${server.url}/api/login`, { data: { token: tokens.admin } });
  const admin = await context.newPage();
  const errors: string[] = [];
  admin.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await admin.goto(`${server.url}/app/executive`);
  await admin.waitForSelector('nav a[href="/app/audit"]');
  await admin.click('nav a[href="/app/audit"]');
  await admin.waitForSelector('[data-visual="audit-log"] tbody tr');
  await admin.screenshot({ path: join(SHOTS, 'audit.png'), fullPage: true });
  assert.deepEqual(errors, []);
});
