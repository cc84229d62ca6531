import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DuckDbEngine } from '../../src/engine/duckdb/duckdb-engine.js';
import { readLake } from '../../src/lakehouse/read-lake.js';
import { createAccessToken } from '../../src/server/auth/create-access-token.js';
import { parseToken } from '../../src/server/auth/token-text.js';
import { startServer } from '../../src/server/start-server.js';
import { makeGoldenLake } from '../helpers/golden-lake.js';
import { queryLake } from '../helpers/pipeline-lake.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { startTestServer } from '../helpers/start-test-server.js';

const lake = await makeGoldenLake();
const { server, tokens } = await startTestServer(lake);
const call = (path: string, token?: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) },
  });
const PHI = /MRN-\d+|\d{3}-\d{2}-\d{4}/;

test('every API route but /health needs a token; wrong tokens are refused slowly; no body echoes a token', async () => {
  assert.equal((await call('/health')).status, 200);
  for (const path of [
    '/api/measures',
    '/api/query?measure=avg_los',
    '/api/tables',
    '/api/quality',
    '/api/openapi.json',
    '/api/session',
  ]) {
    const r = await call(path);
    assert.equal(r.status, 401, path);
    assert.match(
      ((await r.json()) as { error: { message: string } }).error.message,
      /sign in, or send Authorization: Bearer TOKEN/,
    );
  }
  const real = parseToken(tokens.analyst)!;
  const forged = `clk_${real.id}_${'A'.repeat(43)}`;
  const started = performance.now();
  const r = await call('/api/measures', forged);
  assert.equal(r.status, 401);
  assert.ok(performance.now() - started >= 90, 'a failed token costs the caller time');
  assert.doesNotMatch(await r.text(), /clk_/);
  for (const junk of ['Bearer', 'Basic abc', `Bearer ${tokens.analyst}x`]) {
    const j = await fetch(`${server.url}/api/measures`, { headers: { Authorization: junk } });
    assert.equal(j.status, 401, junk);
  }
});

test('revoked and expired tokens are refused from the next request', async () => {
  const engine = await DuckDbEngine.open({ threads: 1 });
  const now = new Date();
  const short = await createAccessToken(engine, lake, {
    role: 'analyst',
    name: 'short',
    expiresAt: new Date(now.getTime() + 1500),
    now,
  });
  const revoked = await createAccessToken(engine, lake, {
    role: 'analyst',
    name: 'to revoke',
    expiresAt: null,
    now,
  });
  engine.close();
  assert.equal((await call('/api/measures', short.token)).status, 200);
  assert.equal((await call('/api/measures', revoked.token)).status, 200);
  const rv = await runCliCaptured(['token', 'revoke', revoked.record.token_id, '--lake', lake]);
  assert.equal(rv.code, 0, rv.stderr);
  assert.equal((await call('/api/measures', revoked.token)).status, 401);
  await new Promise((r) => setTimeout(r, 1600));
  assert.equal((await call('/api/measures', short.token)).status, 401);
  const list = await runCliCaptured(['token', 'list', '--lake', lake]);
  assert.match(list.stdout, new RegExp(`${revoked.record.token_id}\\s+analyst\\s+revoked`));
  assert.match(list.stdout, new RegExp(`${short.record.token_id}\\s+analyst\\s+expired`));
  assert.doesNotMatch(list.stdout, /clk_/, 'tokens are never shown again');
  const stored = JSON.stringify(await queryLake(lake, 'SELECT * FROM lh_audit.dbo.access_tokens'));
  assert.doesNotMatch(stored, new RegExp(parseToken(revoked.token)!.secret), 'only hashes are stored');
});

test('roles are enforced where data is read: viewers get aggregates only, analysts de-identified rows, nobody raw bronze over HTTP', async () => {
  const tables = async (token: string) =>
    ((await (await call('/api/tables', token)).json()) as { tables: { table: string }[] }).tables.map(
      (t) => t.table,
    );
  const viewer = await tables(tokens.viewer);
  assert.ok(viewer.includes('lh_gold.dbo.gold_healthcare_kpis'));
  assert.ok(!viewer.includes('lh_silver.dbo.silver_healthcare_encounters'));
  assert.ok(!viewer.includes('lh_gold.dbo.gold_healthcare_readmission_risk'));
  assert.ok((await tables(tokens.analyst)).includes('lh_silver.dbo.silver_healthcare_encounters'));
  const denied = await call('/api/tables/silver_healthcare_encounters/rows', tokens.viewer);
  assert.equal(denied.status, 403);
  assert.match(
    ((await denied.json()) as { error: { message: string } }).error.message,
    /role viewer may not read the row-level table/,
  );
  assert.equal((await call('/api/tables/gold_healthcare_readmission_risk/rows', tokens.viewer)).status, 403);
  assert.equal((await call('/api/tables/silver_healthcare_encounters/rows', tokens.analyst)).status, 200);
  for (const token of [tokens.viewer, tokens.analyst, tokens.admin]) {
    assert.equal((await call('/api/tables/bronze_healthcare_admissions/rows', token)).status, 404);
    assert.equal((await call('/api/tables/quarantine/rows', token)).status, 404);
  }
});

test('viewers: small cells are suppressed in measures, histograms and aggregate tables, also when differencing filters', async () => {
  const get = async (path: string, token: string) =>
    (await (await call(path, token)).json()) as {
      rows: Record<string, unknown>[];
      bins?: { count: number | null }[];
      suppressed?: unknown[];
    };
  // The golden hospital has 10 stays: every cell is small for a viewer, none for an analyst.
  const v = await get('/api/query?measure=avg_los&by=payer', tokens.viewer);
  assert.ok(
    v.rows.every((r) => r.avg_los === null),
    JSON.stringify(v.rows),
  );
  assert.equal(v.suppressed?.length, v.rows.length);
  const a = await get('/api/query?measure=avg_los&by=payer', tokens.analyst);
  assert.ok(a.rows.some((r) => r.avg_los !== null));
  assert.equal(a.suppressed, undefined);
  const overall = await get('/api/query?measure=encounters', tokens.viewer);
  assert.deepEqual(overall.rows, [{ encounters: null }]);
  const hist = await get('/api/distributions/ed_to_admit_minutes', tokens.viewer);
  assert.ok(hist.bins!.every((b) => b.count === null));
  const kpis = await get('/api/tables/gold_healthcare_kpis/rows', tokens.viewer);
  assert.ok(
    kpis.rows.every((r) => r.encounters === null && r.avg_los === null && typeof r.drg_code === 'string'),
  );
  // Occupancy counts beds, not patients: not suppressed.
  const occ = await get('/api/query?measure=occupancy_pct', tokens.viewer);
  assert.notEqual(occ.rows[0]!.occupancy_pct, null);
});

test('dashboard sign-in: an HttpOnly SameSite=Strict cookie that works until sign-out', async () => {
  const bad = await call('/api/login', undefined, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: 'nope' }),
  });
  assert.equal(bad.status, 401);
  const ok = await call('/api/login', undefined, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: tokens.viewer }),
  });
  assert.equal(ok.status, 200);
  const cookie = ok.headers.get('set-cookie')!;
  assert.match(
    cookie,
    /carelake_session=[A-Za-z0-9_-]{43}; Max-Age=28800; Path=\/; HttpOnly; SameSite=Strict/,
  );
  const session = cookie.split(';')[0]!;
  const who = await call('/api/session', undefined, { headers: { Cookie: session } });
  assert.deepEqual(await who.json(), { name: 'test viewer', role: 'viewer' });
  assert.equal(
    (await call('/api/logout', undefined, { method: 'POST', headers: { Cookie: session } })).status,
    200,
  );
  assert.equal((await call('/api/session', undefined, { headers: { Cookie: session } })).status, 401);
});

test('HTTP hardening: security headers, no CORS, body limit, path traversal, no stack traces', async () => {
  const r = await call('/app/executive');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-security-policy')!, /script-src 'self';.*frame-ancestors 'none'/);
  assert.doesNotMatch(r.headers.get('content-security-policy')!, /unsafe-inline|unsafe-eval/);
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(r.headers.get('x-frame-options'), 'DENY');
  const cors = await call('/api/measures', tokens.analyst, { headers: { Origin: 'https://evil.example' } });
  assert.equal(cors.headers.get('access-control-allow-origin'), null);
  const big = await call('/api/login', undefined, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: 'x'.repeat(100_000) }),
  });
  assert.equal(big.status, 413);
  for (const path of [
    '/..%2f..%2fetc%2fpasswd',
    '/app/..%2F..%2Fpackage.json',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/api/tables/..%2F..%2Fetc/rows',
  ]) {
    const t = await call(path, tokens.admin);
    const body = await t.text();
    assert.doesNotMatch(body, /root:x:0:0|"name": "carelake"/, path);
  }
  const err = await call('/api/tables/%00/rows', tokens.admin);
  assert.doesNotMatch(await err.text(), /\bat .*\.js:\d+/);
});

test('rate limits answer 429 with Retry-After, and the server stays healthy', async () => {
  const limited = await startTestServer(lake, { ratePerSecond: 5 });
  const statuses: number[] = [];
  for (let i = 0; i < 30; i++) {
    const r = await fetch(`${limited.server.url}/api/measures`, {
      headers: { Authorization: `Bearer ${limited.tokens.analyst}` },
    });
    statuses.push(r.status);
    if (r.status === 429) assert.ok(Number(r.headers.get('retry-after')) >= 1);
  }
  assert.ok(statuses.includes(429));
  assert.ok(statuses.every((s) => s === 200 || s === 429));
  assert.equal((await fetch(`${limited.server.url}/health`)).status, 200);
});

test('every request is audited in lh_audit.dbo.access_log with who, what, versions and outcome; no PHI in it', async () => {
  const local = await startServer(await readLake(lake), { host: '127.0.0.1', port: 0, log: () => undefined });
  const h = { Authorization: `Bearer ${tokens.analyst}` };
  await fetch(`${local.url}/api/query?measure=avg_los&by=payer`, { headers: h });
  await fetch(
    `${local.url}/api/tables/silver_healthcare_encounters/rows?where=${encodeURIComponent('encounter_id=123-45-6789')}`,
    { headers: h },
  );
  await fetch(`${local.url}/api/tables/silver_healthcare_encounters/rows`, {
    headers: { Authorization: `Bearer ${tokens.viewer}` },
  });
  await fetch(`${local.url}/api/measures`);
  await local.close();
  const rows = await queryLake(
    lake,
    'SELECT principal, role, client, method, route, request, measures, tables_read, rows_returned, status, outcome FROM lh_audit.dbo.access_log ORDER BY accessed_at',
  );
  const mine = rows.filter((r) => r.route !== '/health').slice(-4);
  assert.deepEqual(
    mine.map((r) => [r.principal, r.status, r.outcome]),
    [
      ['test analyst', 200, 'allowed'],
      ['test analyst', 200, 'allowed'],
      ['test viewer', 403, 'denied'],
      ['', 401, 'denied'],
    ],
  );
  assert.equal(mine[0]!.measures, 'avg_los');
  assert.match(
    String(mine[0]!.tables_read),
    /"table":"lh_silver\.dbo\.silver_healthcare_encounters","version":\d+/,
  );
  assert.equal(mine[0]!.client, '127.0.0.1');
  assert.match(String(mine[1]!.request), /encounter_id=<withheld>/);
  assert.doesNotMatch(JSON.stringify(rows), PHI);
  assert.doesNotMatch(readFileSync(`${lake}/carelake.json`, 'utf8'), /clk_/);
});

test('no unaudited access: when the audit entry cannot be written, the data is not served (503)', async () => {
  const { mkdtempSync, rmSync, writeFileSync, cpSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const copy = join(mkdtempSync(join(tmpdir(), 'audit-fail-')), 'lake');
  cpSync(lake, copy, { recursive: true });
  const local = await startServer(await readLake(copy), { host: '127.0.0.1', port: 0, log: () => undefined });
  try {
    const h = { Authorization: `Bearer ${tokens.analyst}` };
    assert.equal((await fetch(`${local.url}/api/measures`, { headers: h })).status, 200);
    // Wait for the batch to be committed (every 2 s), then make the pending folder unusable.
    await new Promise((r) => setTimeout(r, 2600));
    const pending = join(copy, 'lh_audit.Lakehouse', 'Files', 'audit-pending');
    rmSync(pending, { recursive: true, force: true });
    writeFileSync(pending, 'not a folder');
    const r = await fetch(`${local.url}/api/query?measure=avg_los`, { headers: h });
    assert.equal(r.status, 503);
    const body = (await r.json()) as { error: { code: string }; rows?: unknown };
    assert.equal(body.error.code, 'audit_unavailable');
    assert.equal(body.rows, undefined, 'no data in the answer');
    rmSync(pending, { force: true });
  } finally {
    await local.close().catch(() => undefined);
  }
});

test('GET /api/audit is for admins: who read what, filterable', async () => {
  const local = await startServer(await readLake(lake), { host: '127.0.0.1', port: 0, log: () => undefined });
  const h = (t: string) => ({ headers: { Authorization: `Bearer ${t}` } });
  await fetch(`${local.url}/api/query?measure=avg_los`, h(tokens.analyst));
  await local.close();
  const again = await startServer(await readLake(lake), { host: '127.0.0.1', port: 0, log: () => undefined });
  try {
    assert.equal((await fetch(`${again.url}/api/audit`, h(tokens.analyst))).status, 403);
    assert.equal((await fetch(`${again.url}/api/audit`, h(tokens.viewer))).status, 403);
    const r = await fetch(
      `${again.url}/api/audit?user=${encodeURIComponent('test analyst')}&limit=5`,
      h(tokens.admin),
    );
    assert.equal(r.status, 200);
    const body = (await r.json()) as { entries: { principal: string; route: string }[] };
    assert.ok(body.entries.length > 0);
    assert.ok(body.entries.every((e) => e.principal === 'test analyst'));
    assert.equal((await fetch(`${again.url}/api/audit?since=soon`, h(tokens.admin))).status, 400);
  } finally {
    await again.close();
  }
});
