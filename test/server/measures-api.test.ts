import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listMeasures } from '../../src/measures/catalog.js';
import { listDistributions } from '../../src/measures/distributions.js';
import { makeGoldenLake } from '../helpers/golden-lake.js';
import { queryLake } from '../helpers/pipeline-lake.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { startTestServer } from '../helpers/start-test-server.js';

const lake = await makeGoldenLake();
const { server, tokens, log } = await startTestServer(lake);
// biome-ignore lint/suspicious/noExplicitAny: the tests walk arbitrary JSON bodies
type Body = Record<string, any>;
const getJson = async (path: string, token = tokens.analyst) => {
  const r = await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: r.status, body: (await r.json()) as Body };
};

test('GET /api/measures publishes every measure with its SQL, tables, dimensions and benchmark, and the distributions', async () => {
  const { body } = await getJson('/api/measures');
  assert.deepEqual(
    body.measures.map((m: Body) => m.name),
    listMeasures().map((m) => m.name),
  );
  const cmi = body.measures.find((m: Body) => m.name === 'case_mix_index');
  assert.deepEqual(cmi.tables, [
    'lh_silver.dbo.silver_healthcare_encounters',
    'lh_silver.dbo.ref_ms_drg_weights',
  ]);
  assert.match(cmi.sql, /sum\(w\.relative_weight\)/);
  assert.deepEqual(
    { kind: cmi.benchmark.kind, low: cmi.benchmark.low, high: cmi.benchmark.high },
    { kind: 'range', low: 1.4, high: 1.8 },
  );
  const readmission = body.measures.find((m: Body) => m.name === 'readmission_rate');
  assert.equal(readmission.benchmark.label, '< 15');
  assert.deepEqual(
    body.distributions.map((d: Body) => d.name),
    listDistributions().map((d) => d.name),
  );
  assert.deepEqual(body.dimensions.find((d: Body) => d.name === 'date').grains, ['day', 'week', 'month']);
});

test('GET /api/query: every measure equals carelake measure over the same lake (one compiler, two paths)', async () => {
  for (const m of listMeasures()) {
    const api = (await getJson(`/api/query?measure=${m.name}`)).body;
    const cli = await runCliCaptured(['measure', m.name, '--lake', lake, '--format', 'json']);
    assert.equal(cli.code, 0, cli.stderr);
    assert.deepEqual(api.rows, JSON.parse(cli.stdout), m.name);
    assert.deepEqual(
      api.tables.map((t: Body) => t.table).sort(),
      [...m.tables].sort(),
      `${m.name} reports the tables it read`,
    );
  }
  // Hand-computed on the fixtures (test/measures/measures-golden.test.ts derives them).
  const kpis = (
    await getJson('/api/query?measure=readmission_rate&measure=case_mix_index&measure=encounters')
  ).body;
  assert.deepEqual(kpis.rows, [{ readmission_rate: 50, case_mix_index: 1.7161, encounters: 10 }]);
  const byPayer = (
    await getJson('/api/query?measure=readmission_rate&by=payer&where=payer=Medicare,Medicaid')
  ).body;
  assert.deepEqual(byPayer.rows, [
    { payer: 'Medicaid', readmission_rate: 0 },
    { payer: 'Medicare', readmission_rate: 100 },
  ]);
  const monthly = (
    await getJson('/api/query?measure=occupancy_pct&by=date:month&from=2025-02-01&to=2025-03-31')
  ).body;
  assert.deepEqual(monthly.rows, [
    { date: '2025-02-01', occupancy_pct: 4.64 },
    { date: '2025-03-01', occupancy_pct: 2.86 },
  ]);
  assert.deepEqual(monthly.columns[0], {
    name: 'date',
    role: 'dimension',
    dimension: 'date',
    grain: 'month',
  });
});

test('GET /api/query?format=csv equals the JSON rows', async () => {
  const path = '/api/query?measure=avg_los&measure=encounters&by=drg_code';
  const rows = (await getJson(path)).body.rows as Body[];
  const r = await fetch(`${server.url}${path}&format=csv`, {
    headers: { Authorization: `Bearer ${tokens.analyst}` },
  });
  const [header, ...lines] = (await r.text()).trim().split('\n');
  assert.equal(header, 'drg_code,avg_los,encounters');
  assert.deepEqual(
    lines,
    rows.map((x) =>
      [x.drg_code, x.avg_los, x.encounters].map((v) => (v === null ? '' : String(v))).join(','),
    ),
  );
});

test('measure mistakes are 400s naming the parameter and the allowed values', async () => {
  const cases: [string, string, RegExp][] = [
    ['/api/query', 'measure', /name at least one measure/],
    [
      '/api/query?measure=readmit',
      'measure',
      /unknown measure "readmit"; allowed: encounters, readmission_rate/,
    ],
    ['/api/query?measure=avg_los&by=ward', 'by', /unknown dimension "ward"/],
    [
      '/api/query?measure=occupancy_pct&by=payer',
      'by',
      /occupancy_pct cannot be sliced by payer; allowed: date/,
    ],
    ['/api/query?measure=avg_los&by=date:year', 'by', /unknown date grain "year"; allowed: day, week, month/],
    ['/api/query?measure=avg_los&where=payer', 'where', /filter "payer" is malformed/],
    ['/api/query?measure=occupancy_pct&where=payer=Medicare', 'where', /cannot be sliced by payer/],
    ['/api/query?measure=avg_los&from=2025-02-30', 'from', /"2025-02-30" is not a calendar date/],
    ['/api/query?measure=avg_los&to=soon', 'to', /"soon" is not a calendar date/],
    ['/api/query?measure=avg_los&format=xlsx', 'format', /format: /],
    ['/api/distributions/nope', 'measure', /unknown distribution "nope"; allowed: ed_to_admit_minutes/],
    [
      '/api/distributions/session_minutes?by=payer',
      'by',
      /cannot be split by payer; allowed: clinician_role/,
    ],
    ['/api/distributions/session_minutes?width=0', 'width', /width: /],
    ['/api/dimensions/ward/values', 'by', /no value list for dimension "ward"/],
  ];
  for (const [path, parameter, message] of cases) {
    const { status, body } = await getJson(path);
    assert.equal(status, 400, path);
    assert.equal(body.error.parameter, parameter, path);
    assert.match(body.error.message, message, path);
    if (parameter !== 'format' && parameter !== 'width') assert.ok(Array.isArray(body.error.allowed), path);
  }
  const injected = await getJson(
    `/api/query?measure=avg_los&where=${encodeURIComponent("payer=x' OR '1'='1")}`,
  );
  assert.equal(injected.status, 200);
  assert.deepEqual(injected.body.rows, [{ avg_los: null }], 'a filter value is data');
  assert.deepEqual(log, []);
});

test('GET /api/distributions: bins equal a histogram computed from the rows by other SQL', async () => {
  const expected = await queryLake(
    lake,
    `SELECT (ed_to_admit_minutes // 30) * 30 AS lo, count(*) AS n FROM silver_healthcare_encounters
     WHERE ed_arrival_dt IS NOT NULL AND ed_to_admit_minutes IS NOT NULL GROUP BY 1 ORDER BY 1`,
  );
  const { body } = await getJson('/api/distributions/ed_to_admit_minutes');
  assert.deepEqual(
    body.bins.map((b: Body) => [b.lo, b.hi, b.count]),
    expected.map((r) => [Number(r.lo), Number(r.lo) + 30, Number(r.n)]),
  );
  // The seed sample's 8 sessions: Physician 8, 17, 25, 5; Nurse 20, 5; Admin 35, 5 minutes.
  const sessions = (await getJson('/api/distributions/session_minutes?by=clinician_role&width=10')).body;
  assert.deepEqual(
    sessions.bins.map((b: Body) => `${b.group}:${b.lo}:${b.count}`),
    [
      'Admin:0:1',
      'Admin:30:1',
      'Nurse:0:1',
      'Nurse:20:1',
      'Physician:0:2',
      'Physician:10:1',
      'Physician:20:1',
    ],
  );
  const capped = (await getJson('/api/distributions/los_days?width=2')).body;
  const total = capped.bins.reduce((n: number, b: Body) => n + b.count, 0);
  assert.equal(total, 9, 'every stay with a valid LOS is in one bin');
});

test('GET /api/dimensions/{name}/values lists the slicer values', async () => {
  assert.deepEqual((await getJson('/api/dimensions/payer/values')).body.values, [
    'Commercial',
    'Medicaid',
    'Medicare',
    'Self-Pay',
  ]);
  assert.deepEqual((await getJson('/api/dimensions/clinician_role/values')).body.values, [
    'Admin',
    'Nurse',
    'Physician',
  ]);
});
