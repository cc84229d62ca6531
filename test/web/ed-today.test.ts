import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { chromium } from 'playwright-core';
import { addLandingFile, makePipelineLake, runPipeline } from '../helpers/pipeline-lake.js';
import { PROJECT_ROOT } from '../helpers/project-root.js';
import { startTestServer } from '../helpers/start-test-server.js';

// The ED page's live "today" view in Chromium: stays that arrive through the ED today appear
// without a reload once a run (or a watch batch) commits them.

const HOSPITAL = join(PROJECT_ROOT, 'test', 'fixtures', 'hospital');
const HEADER = readFileSync(join(HOSPITAL, 'admissions.csv'), 'utf8').split('\n')[0]!;
const today = new Date().toISOString().slice(0, 10);

/** ED stays that arrived today at 00:0i, admitted `minutes` later. */
function edStays(prefix: string, minutes: readonly number[]): string {
  const at = (m: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + m * 60_000).toISOString().replace('T', ' ').slice(0, 19);
  const rows = minutes.map(
    (m, i) =>
      `${prefix}${i},${'d'.repeat(64)},XXX-XX-4321,${at(i + m)},,,291,Medicare,false,${at(i)},,64,F,Emergency,${at(i + m - 10)},MedSurg,1,0`,
  );
  return `${HEADER}\n${rows.join('\n')}\n`;
}

test('the ED page shows today live: new ED arrivals appear without a reload', {
  timeout: 180_000,
}, async () => {
  const files: Record<string, string> = {};
  for (const f of ['admissions.csv', 'claims.csv', 'staffing.csv'])
    files[f] = readFileSync(join(HOSPITAL, f), 'utf8');
  files['admissions_today_1.csv'] = edStays('T1_', [100, 200, 300]);
  const lake = await makePipelineLake(files, { staffedBeds: 10 });
  await runPipeline(lake, 'all');
  const { server, tokens } = await startTestServer(lake);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  after(() => browser.close());
  const context = await browser.newContext({ timezoneId: 'UTC' });
  assert.equal(
    (await context.request.post(`${server.url}/api/login`, { data: { token: tokens.analyst } })).status(),
    200,
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/app/ed`);
  const figure = (measure: string) =>
    `.today[data-day="${today}"] .today-figure[data-measure="${measure}"][data-value="VALUE"]`;
  await page.waitForSelector(figure('ed_volume').replace('VALUE', '3'), { timeout: 30_000 });
  await page.waitForSelector(figure('median_ed_to_admit_minutes').replace('VALUE', '200'), {
    timeout: 5_000,
  });

  addLandingFile(lake, 'admissions_today_2.csv', edStays('T2_', [400, 500]));
  await runPipeline(lake, 'all');
  // No reload: the live view asks again every 10 s.
  await page.waitForSelector(figure('ed_volume').replace('VALUE', '5'), { timeout: 45_000 });
  await page.waitForSelector(figure('median_ed_to_admit_minutes').replace('VALUE', '300'), {
    timeout: 5_000,
  });
  assert.match(
    (await page.locator('.today-note').textContent()) ?? '',
    new RegExp(`${today}, refreshed every 10 s; silver_healthcare_encounters v\\d+`),
  );
  assert.deepEqual(errors, []);
});
