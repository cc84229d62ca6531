import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLoopbackHost } from '../../src/server/loopback-host.js';
import { parseAsOfParam } from '../../src/server/params/parse-as-of-param.js';
import { parseColumnFilter } from '../../src/server/params/parse-column-filter.js';
import { makeGoldenLake } from '../helpers/golden-lake.js';
import { addLandingFile, queryLake, runPipeline } from '../helpers/pipeline-lake.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { startTestServer } from '../helpers/start-test-server.js';

const lake = await makeGoldenLake();
const { server, log, tokens } = await startTestServer(lake);
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${tokens.analyst}`, ...headers } });
// biome-ignore lint/suspicious/noExplicitAny: the tests walk arbitrary JSON bodies
type Body = Record<string, any>;
const getJson = async (path: string) => {
  const r = await get(path);
  return { status: r.status, body: (await r.json()) as Body };
};

test('pure parts: loopback hosts, asOf, column filters', () => {
  for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])
    assert.equal(isLoopbackHost(h), true, h);
  for (const h of ['0.0.0.0', '10.0.0.1', '::', 'example.org', '127.0.0.256', '128.0.0.1'])
    assert.equal(isLoopbackHost(h), false, h);
  assert.equal(parseAsOfParam('2026-12-01T08:00:00Z')?.toISOString(), '2026-12-01T08:00:00.000Z');
  assert.equal(parseAsOfParam('2026-12-01')?.toISOString(), '2026-12-01T23:59:59.999Z');
  assert.equal(parseAsOfParam(undefined), undefined);
  assert.throws(() => parseAsOfParam('soon'), /asOf: "soon" is not an ISO 8601/);
  assert.deepEqual(parseColumnFilter('payer=Medicare,Medicaid', ['payer']), {
    column: 'payer',
    values: ['Medicare', 'Medicaid'],
  });
  assert.deepEqual(parseColumnFilter('t=a\\,b,c', ['t']).values, ['a,b', 'c']);
  assert.throws(() => parseColumnFilter('nope=1', ['payer']), /no column "nope"; columns: payer/);
  assert.throws(() => parseColumnFilter('=1', ['payer']), /is not COLUMN=VALUE/);
});

test('GET /health and /api/openapi.json (generated from the request schemas)', async () => {
  assert.deepEqual((await getJson('/health')).body, { status: 'ok' });
  const doc = (await getJson('/api/openapi.json')).body;
  assert.equal(doc.openapi, '3.1.0');
  const rows = doc.paths['/api/tables/{name}/rows'].get;
  const names = rows.parameters.map((p: { name: string }) => p.name).sort();
  assert.deepEqual(names, ['asOf', 'format', 'limit', 'name', 'offset', 'sort', 'where']);
  const limit = rows.parameters.find((p: { name: string }) => p.name === 'limit');
  assert.equal(limit.schema.maximum, 1000);
});

test('GET /api/tables lists the silver and gold tables an analyst reads, with version, commit time, rows and columns; never bronze or quarantine', async () => {
  const { status, body } = await getJson('/api/tables');
  assert.equal(status, 200);
  const names = body.tables.map((t: { table: string }) => t.table);
  assert.ok(names.includes('lh_gold.dbo.gold_healthcare_kpis'));
  assert.ok(names.includes('lh_silver.dbo.silver_healthcare_encounters'));
  assert.ok(!names.some((n: string) => n.startsWith('lh_bronze.') || n.endsWith('.quarantine')));
  const kpis = body.tables.find((t: { table: string }) => t.table === 'lh_gold.dbo.gold_healthcare_kpis');
  const [expected] = await queryLake(lake, 'SELECT count(*) AS n FROM lh_gold.dbo.gold_healthcare_kpis');
  assert.equal(kpis.rows, expected!.n);
  assert.match(kpis.commitTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  assert.deepEqual(kpis.columns[0], { name: 'drg_code', type: 'string' });
});

test('GET /api/tables/{name}/rows: sorting, filters, paging and the total equal SQL over the same table', async () => {
  const sql = await queryLake(
    lake,
    "SELECT encounter_id, payer, los_calc FROM silver_healthcare_encounters WHERE payer IN ('Medicare', 'Medicaid') ORDER BY los_calc DESC NULLS LAST, encounter_id",
  );
  const page = (offset: number) =>
    getJson(
      `/api/tables/silver_healthcare_encounters/rows?sort=los_calc:desc&where=payer=Medicare,Medicaid&limit=2&offset=${offset}`,
    );
  const first = (await page(0)).body;
  assert.equal(first.total, sql.length);
  assert.equal(first.limit, 2);
  const seen: unknown[] = [];
  for (let offset = 0; offset < sql.length; offset += 2) {
    for (const r of (await page(offset)).body.rows)
      seen.push({ encounter_id: r.encounter_id, payer: r.payer, los_calc: r.los_calc });
  }
  assert.deepEqual(
    seen.map((r) => JSON.stringify(r)),
    sql.map((r) => JSON.stringify({ encounter_id: r.encounter_id, payer: r.payer, los_calc: r.los_calc })),
    'pages neither overlap nor skip, in the requested order',
  );
  assert.equal(first.tables[0].table, 'lh_silver.dbo.silver_healthcare_encounters');
  const full = await getJson(
    '/api/tables/lh_silver.dbo.silver_healthcare_encounters/rows?where=payer=Medicare&where=los_calc=3',
  );
  const both = await queryLake(
    lake,
    "SELECT count(*) AS n FROM silver_healthcare_encounters WHERE payer = 'Medicare' AND los_calc = 3",
  );
  assert.equal(full.body.total, both[0]!.n, 'repeated where parameters AND');
});

test('CSV export of a table page equals its JSON rows', async () => {
  const path = '/api/tables/gold_healthcare_kpis/rows?sort=encounters:desc&limit=5';
  const rows = (await getJson(path)).body.rows as Record<string, unknown>[];
  const r = await get(`${path}&format=csv`);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type')!, /^text\/csv/);
  assert.match(r.headers.get('content-disposition')!, /attachment; filename=".*\.csv"/);
  const [header, ...lines] = (await r.text()).trim().split('\n');
  const columns = header!.split(',');
  assert.equal(lines.length, rows.length);
  for (const [i, line] of lines.entries()) {
    const cells = line
      .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
      .map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replaceAll('""', '"'));
    for (const [j, c] of columns.entries()) {
      const v = rows[i]![c];
      assert.equal(cells[j], v === null ? '' : String(v), `${c} of row ${i}`);
    }
  }
});

test('every bad parameter is a 400 naming it and what is allowed; unknown tables and routes are 404s', async () => {
  const cases: [string, number, RegExp, string | undefined][] = [
    ['/api/tables/gold_healthcare_kpis/rows?limit=0', 400, /^limit: /, 'limit'],
    ['/api/tables/gold_healthcare_kpis/rows?limit=1001', 400, /^limit: .*1000/, 'limit'],
    ['/api/tables/gold_healthcare_kpis/rows?limit=ten', 400, /^limit: /, 'limit'],
    ['/api/tables/gold_healthcare_kpis/rows?offset=-1', 400, /^offset: /, 'offset'],
    [
      '/api/tables/gold_healthcare_kpis/rows?sort=nope',
      400,
      /sort: no column "nope"; columns: drg_code/,
      'sort',
    ],
    ['/api/tables/gold_healthcare_kpis/rows?sort=encounters:up', 400, /asc or desc/, 'sort'],
    ['/api/tables/gold_healthcare_kpis/rows?where=nope=1', 400, /where: no column "nope"/, 'where'],
    ['/api/tables/gold_healthcare_kpis/rows?where=drg_code', 400, /is not COLUMN=VALUE/, 'where'],
    ['/api/tables/gold_healthcare_kpis/rows?format=xml', 400, /^format: .*json.*csv/, 'format'],
    ['/api/tables/gold_healthcare_kpis/rows?asOf=yesterday', 400, /asOf: "yesterday"/, 'asOf'],
    ['/api/tables/quarantine/rows', 404, /no table "quarantine"; tables: /, 'name'],
    ['/api/tables/bronze_healthcare_admissions/rows', 404, /no table "bronze_healthcare_admissions"/, 'name'],
    ['/api/nothing', 404, /no route GET \/api\/nothing/, undefined],
  ];
  for (const [path, status, message, parameter] of cases) {
    const { status: got, body } = await getJson(path);
    assert.equal(got, status, path);
    assert.match(body.error.message, message, path);
    assert.equal(body.error.parameter, parameter, path);
    assert.doesNotMatch(JSON.stringify(body), /at .*\.js:\d+|node_modules|stack/i, 'no stack trace');
  }
  const allowed = (await getJson('/api/tables/gold_healthcare_kpis/rows?format=xml')).body.error.allowed;
  assert.deepEqual(allowed, ['json', 'csv']);
});

test('SQL in filter values and sort is data, never SQL', async () => {
  for (const attack of ["x' OR '1'='1", "'; DROP TABLE t; --", 'Medicare)) OR true --']) {
    const { status, body } = await getJson(
      `/api/tables/silver_healthcare_encounters/rows?where=${encodeURIComponent(`payer=${attack}`)}`,
    );
    assert.equal(status, 200);
    assert.equal(body.total, 0, attack);
  }
  const { status } = await getJson(
    `/api/tables/gold_healthcare_kpis/rows?sort=${encodeURIComponent('drg_code; DROP')}`,
  );
  assert.equal(status, 400);
  assert.deepEqual(log, [], 'nothing reached the server log as an internal error');
});

test('ETags: a repeated request is a 304; a new pipeline run is visible on the next request; asOf reads the earlier version', async () => {
  const path = '/api/tables/clinician_emr_sessions/rows?limit=1000';
  const first = await get(path);
  const etag = first.headers.get('etag')!;
  const before = (await first.json()) as { total: number; tables: { version: number }[] };
  assert.match(etag, /^"[A-Za-z0-9_-]+"$/);
  assert.equal(first.headers.get('cache-control'), 'private, no-cache');
  const again = await get(path, { 'If-None-Match': etag });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
  const cutoff = new Date();
  await new Promise((r) => setTimeout(r, 20));
  addLandingFile(
    lake,
    'emr_events_late.csv',
    'event_id,clinician_id,event_timestamp,event_type,patient_id,metadata\nEVT900,103,2025-03-31 22:00:00,RUN_REPORT,,{}\n',
  );
  await runPipeline(lake, 'all');
  const after = await get(path, { 'If-None-Match': etag });
  assert.equal(after.status, 200, 'the run changed the table: no 304');
  const body = (await after.json()) as { total: number; tables: { version: number }[] };
  assert.equal(body.total, before.total + 1);
  assert.ok(body.tables[0]!.version > before.tables[0]!.version);
  assert.notEqual(after.headers.get('etag'), etag);
  const past = (await getJson(`${path}&asOf=${cutoff.toISOString()}`)).body;
  assert.equal(past.total, before.total, 'asOf reads the table as it was');
  assert.equal(past.tables[0].version, before.tables[0]!.version);
  const history = await runCliCaptured([
    'table',
    'history',
    'clinician_emr_sessions',
    '--lake',
    lake,
    '--json',
  ]);
  assert.equal(history.code, 0);
});

test('GET /api/quality: rows, versions, expectation results and quarantine counts by reason per table', async () => {
  const { body } = await getJson('/api/quality');
  const admissions = body.tables.find(
    (t: { table: string }) => t.table === 'lh_bronze.dbo.bronze_healthcare_admissions',
  );
  assert.deepEqual(
    admissions.quarantine.map((q: { reason: string; rows: number }) => `${q.reason}:${q.rows}`),
    ['invalid_admit_dt:1', 'invalid_mrn_hash:1', 'invalid_ssn_masked:1', 'malformed_row:1'],
  );
  const encounters = body.tables.find(
    (t: { table: string }) => t.table === 'lh_silver.dbo.silver_healthcare_encounters',
  );
  assert.deepEqual(encounters.quarantine, [{ reason: 'superseded', rows: 1 }]);
  assert.ok(encounters.expectations.length > 0);
  for (const e of encounters.expectations) assert.equal(typeof e.passed, 'boolean');
  assert.ok(body.tables.every((t: { table: string }) => !t.table.endsWith('.quarantine')));
  assert.match(body.lastRun.evaluatedAt, /^\d{4}-/);
  const text = JSON.stringify(body);
  assert.doesNotMatch(text, /MRN-123456|123-45-6789/, 'no PHI in the quality report');
});
