import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeGoldenLake } from '../helpers/golden-lake.js';
import { startTestServer } from '../helpers/start-test-server.js';

const lake = await makeGoldenLake();
const { server, tokens } = await startTestServer(lake, { sqlLimits: { seconds: 1, rows: 5 } });
const post = async (sql: string, token = tokens.analyst) => {
  const r = await fetch(`${server.url}/api/sql`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ sql }),
  });
  return {
    status: r.status,
    body: (await r.json()) as {
      rows?: Record<string, unknown>[];
      truncated?: boolean;
      error?: { message: string };
      tables?: { table: string; version: number }[];
    },
  };
};

test('POST /api/sql: a query over the role’s tables, with the versions read and the row limit', async () => {
  const ok = await post(
    'SELECT payer, count(*) AS n FROM silver_healthcare_encounters GROUP BY 1 ORDER BY 1',
  );
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.deepEqual(ok.body.rows, [
    { payer: 'Commercial', n: '3' },
    { payer: 'Medicaid', n: '2' },
    { payer: 'Medicare', n: '3' },
    { payer: 'Self-Pay', n: '2' },
  ]);
  assert.equal(ok.body.tables![0]!.table, 'lh_silver.dbo.silver_healthcare_encounters');
  const many = await post('SELECT * FROM range(100)');
  assert.equal(many.body.rows!.length, 5);
  assert.equal(many.body.truncated, true);
});

test('roles: viewers may not use the console; analysts cannot reach bronze, quarantine or the audit log through it', async () => {
  assert.equal((await post('SELECT 1', tokens.viewer)).status, 403);
  for (const table of [
    'bronze_healthcare_admissions',
    'lh_bronze.dbo.quarantine',
    'lh_silver.dbo.quarantine',
    'lh_audit.dbo.access_log',
  ]) {
    const r = await post(`SELECT * FROM ${table}`);
    assert.equal(r.status, 400, table);
    assert.match(r.body.error!.message, /^unknown (table|lakehouse) ".*"; tables: /, table);
    const listed = r.body.error!.message.split('tables: ')[1]!;
    assert.doesNotMatch(listed, /lh_bronze|lh_audit|quarantine/, 'the list names only the role’s tables');
  }
  const admin = await post('SELECT count(*) AS n FROM lh_bronze.dbo.quarantine', tokens.admin);
  assert.equal(admin.status, 200);
});

test('the console over HTTP is sandboxed like the CLI: files, DDL, settings, runaway queries', async () => {
  for (const q of [
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_text('/etc/passwd')",
    "SELECT * FROM glob('/*')",
    `SELECT * FROM read_text('${lake}/lh_bronze.Lakehouse/Files/landing/healthcare/admissions.csv')`,
    'SET enable_external_access = true',
    "COPY (SELECT 1) TO '/tmp/x.csv'",
    "ATTACH '/tmp/x.db' AS x",
    'INSTALL httpfs',
    'DROP TABLE gold_healthcare_kpis',
    'SELECT 1; SELECT 2',
  ]) {
    const r = await post(q);
    assert.equal(r.status, 400, `${q}: ${JSON.stringify(r.body)}`);
    assert.doesNotMatch(JSON.stringify(r.body), /root:x:0:0|MRN-\d|\bat .*\.js:\d+/);
  }
  const slow = await post('SELECT count(*) FROM range(1000000000000)');
  assert.equal(slow.status, 400);
  assert.match(slow.body.error!.message, /query cancelled after 1 s/);
  assert.equal((await fetch(`${server.url}/health`)).status, 200);
  assert.equal((await post('SELECT 42 AS answer')).body.rows![0]!.answer, 42);
});
