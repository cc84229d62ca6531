import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { chromium } from 'playwright-core';
import { addLandingFile, makePipelineLake, runPipeline } from '../helpers/pipeline-lake.js';
import { PROJECT_ROOT } from '../helpers/project-root.js';
import { startTestServer } from '../helpers/start-test-server.js';

// The ED page's live "today" view and alerts in Chromium: stays that arrive through the ED today,
// and the alerts they fire, appear without a reload once a run (or a watch batch) commits them.

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

/** Fires once per stay of the second delivery (the first evaluation's rows are the baseline). */
const NEW_STAY_RULE = {
  name: 'new-ed-stay',
  severity: 'critical',
  query: "SELECT encounter_id FROM silver_healthcare_encounters WHERE encounter_id LIKE 'T%'",
  key: ['encounter_id'],
  condition: { type: 'new_row' },
  destinations: [{ type: 'delta' }],
};

test('the ED page shows today and the alerts live: new ED arrivals and the alerts they fire appear without a reload', {
  timeout: 180_000,
}, async () => {
  const files: Record<string, string> = {};
  for (const f of ['admissions.csv', 'claims.csv', 'staffing.csv'])
    files[f] = readFileSync(join(HOSPITAL, f), 'utf8');
  files['admissions_today_1.csv'] = edStays('T1_', [100, 200, 300]);
  const lake = await makePipelineLake(files, { staffedBeds: 10 });
  mkdirSync(join(lake, 'alerts'));
  writeFileSync(join(lake, 'alerts', 'ed.json'), JSON.stringify(NEW_STAY_RULE));
  await runPipeline(lake, 'all');
  const { server, tokens } = await startTestServer(lake);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  after(() => browser.close());
  /** The ED page signed in with `token`, every page error and console error collected. */
  const openEdPage = async (token: string) => {
    const context = await browser.newContext({ timezoneId: 'UTC' });
    const login = await context.request.post(`${server.url}/api/login`, { data: { token } });
    assert.equal(login.status(), 200);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
    await page.goto(`${server.url}/app/ed`);
    return { page, errors };
  };
  const { page, errors } = await openEdPage(tokens.analyst);
  const figure = (measure: string) =>
    `.today[data-day="${today}"] .today-figure[data-measure="${measure}"][data-value="VALUE"]`;
  await page.waitForSelector(figure('ed_volume').replace('VALUE', '3'), { timeout: 30_000 });
  await page.waitForSelector(figure('median_ed_to_admit_minutes').replace('VALUE', '200'), {
    timeout: 5_000,
  });
  const alerts = page.locator('[data-visual="alerts-live-"]');
  await alerts
    .locator('.alerts-none', { hasText: 'No alert you may read has been recorded' })
    .waitFor({ timeout: 15_000 });

  addLandingFile(lake, 'admissions_today_2.csv', edStays('T2_', [400, 500]));
  await runPipeline(lake, 'all');
  // No reload: the live view asks again every 10 s.
  await page.waitForSelector(figure('ed_volume').replace('VALUE', '5'), { timeout: 45_000 });
  await page.waitForSelector(figure('median_ed_to_admit_minutes').replace('VALUE', '300'), {
    timeout: 5_000,
  });
  // The table list and the rows are asked again every 10 s too: the alerts come at most one
  // period after the figures.
  await alerts.locator('.alert[data-key="encounter_id=T2_1"]').waitFor({ timeout: 30_000 });
  const shown = await alerts
    .locator('.alert')
    .evaluateAll((li) =>
      li.map((l) => [
        l.getAttribute('data-rule'),
        l.getAttribute('data-key'),
        l.querySelector('.alert-severity')?.textContent,
      ]),
    );
  assert.deepEqual(
    shown.sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    [
      ['new-ed-stay', 'encounter_id=T2_0', 'critical'],
      ['new-ed-stay', 'encounter_id=T2_1', 'critical'],
    ],
    'the second delivery fired one alert per new stay, the first was the baseline',
  );
  assert.match(
    (await alerts.locator('.alert-message').first().textContent()) ?? '',
    /new-ed-stay: new row encounter_id=T2_/,
  );
  assert.match(
    (await page.locator('.today-note').first().textContent()) ?? '',
    new RegExp(`${today}, refreshed every 10 s; silver_healthcare_encounters v\\d+`),
  );
  assert.deepEqual(errors, []);

  // A viewer may not read alert rows: the panel says who can, and the page asks for none.
  const { page: viewerPage, errors: viewerErrors } = await openEdPage(tokens.viewer);
  await viewerPage
    .locator('[data-visual="alerts-live-"] .alerts-none', { hasText: 'for analysts and admins' })
    .waitFor({ timeout: 30_000 });
  assert.deepEqual(viewerErrors, [], 'no request answered 403 or 404');
});
