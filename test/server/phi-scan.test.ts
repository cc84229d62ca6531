import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { phiLikePattern } from '../../src/privacy/phi-patterns.js';
import { makePipelineLake, queryLake, SEED_FIXTURES } from '../helpers/pipeline-lake.js';
import { PROJECT_ROOT } from '../helpers/project-root.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { startTestServer } from '../helpers/start-test-server.js';

// A PHI scan of everything the server says: a lake whose landing files carry raw identifiers
// where masked or hashed ones belong (a feed gone wrong), every route crawled as an admin (who
// sees the most), SQL over every table, requests that type identifiers into parameters; then
// every response body, every server log line and every audit row is scanned for a raw MRN or
// an unmasked SSN.

const HOSPITAL = join(PROJECT_ROOT, 'test', 'fixtures', 'hospital');
const admissions = readFileSync(join(HOSPITAL, 'admissions.csv'), 'utf8').trimEnd().split('\n');
// Raw identifiers planted in the identifier columns and in free-text columns.
const planted = [
  'E901,MRN-0042,123-45-6789,2025-03-01 10:00:00,2025-03-03 12:00:00,2,871,Medicare,false,,Home,70,F,Elective,,ICU,1,0',
  'E902,987654321,XXX-XX-1111,2025-03-02 10:00:00,2025-03-04 12:00:00,2,291,MRN 77123,false,,Home,65,M,Elective,,ICU,1,0',
  'E903,bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb,XXX-XX-2222,2025-03-02 10:00:00,2025-03-04 12:00:00,2,291,Medicare,false,,555-12-3456,65,M,Elective,,ICU,1,0',
];
const files: Record<string, string> = {
  'admissions.csv': `${[...admissions, ...planted].join('\n')}\n`,
  'claims.csv': readFileSync(join(HOSPITAL, 'claims.csv'), 'utf8'),
  'staffing.csv': readFileSync(join(HOSPITAL, 'staffing.csv'), 'utf8'),
  'clinicians.csv': readFileSync(join(SEED_FIXTURES, 'clinicians.csv'), 'utf8'),
  'emr_events.csv': readFileSync(join(SEED_FIXTURES, 'emr_events.csv'), 'utf8'),
};
const lake = await makePipelineLake(files, { staffedBeds: 10 });
const run = await runCliCaptured(['run', 'all', '--lake', lake]);
const { server, log, tokens } = await startTestServer(lake);

const seen: { where: string; text: string }[] = [];
async function call(path: string, init: RequestInit = {}, token = tokens.admin): Promise<string> {
  const r = await fetch(`${server.url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
  });
  const text = await r.text();
  seen.push({ where: `${init.method ?? 'GET'} ${path} → ${r.status}`, text });
  return text;
}

test('no raw MRN or unmasked SSN in any response, log line or audit row, even from a feed that carries them', async () => {
  // The run itself says nothing that identifies a patient.
  seen.push({ where: 'carelake run all output', text: run.stdout + run.stderr });
  const tables = (JSON.parse(await call('/api/tables')) as { tables: { name: string }[] }).tables;
  assert.ok(tables.length >= 10);
  for (const { name } of tables) {
    await call(`/api/tables/${name}/rows?limit=1000`);
    await call(`/api/tables/${name}/rows?limit=1000&format=csv`);
    await call('/api/sql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sql: `SELECT * FROM ${name}` }),
    });
  }
  const meta = JSON.parse(await call('/api/measures')) as {
    measures: { name: string }[];
    dimensions: { name: string }[];
    distributions: { name: string }[];
  };
  for (const m of meta.measures) {
    await call(`/api/query?measure=${m.name}`);
    await call(`/api/query?measure=${m.name}&by=payer`, {}, tokens.viewer);
  }
  for (const d of meta.dimensions) await call(`/api/dimensions/${d.name}/values`);
  for (const d of meta.distributions) await call(`/api/distributions/${d.name}`);
  await call('/api/quality');
  await call('/api/openapi.json');
  // Identifiers typed into parameters, filters, SQL and bodies are not echoed back.
  await call('/api/query?measure=MRN-0042');
  await call(`/api/query?measure=encounters&where=${encodeURIComponent('payer=123-45-6789')}`);
  await call(
    `/api/tables/silver_healthcare_encounters/rows?where=${encodeURIComponent('encounter_id=MRN-0042')}`,
  );
  await call('/api/tables/MRN-0042/rows');
  await call('/api/sql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ sql: "SELECT CAST('123-45-6789' AS INTEGER)" }),
  });
  await call('/api/sql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ sql: 'SELECT * FROM MRN_0042' }),
  });
  await call('/api/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: '123-45-6789' }),
  });
  await call('/api/audit?limit=1000');
  await server.close();
  for (const line of log) seen.push({ where: 'server log', text: line });
  const audit = await queryLake(lake, 'SELECT * FROM lh_audit.dbo.access_log');
  assert.ok(audit.length >= seen.length - 1, 'every request is in the audit log');
  seen.push({ where: 'lh_audit.dbo.access_log', text: JSON.stringify(audit) });

  // The planted rows did reach the lake (refused or cleaned), so the scan had something to find.
  const quarantined = await queryLake(
    lake,
    "SELECT list(_reject_reason ORDER BY _raw) AS reasons FROM lh_bronze.dbo.quarantine WHERE _raw LIKE '%\"E90%'",
  );
  assert.deepEqual(
    quarantined[0]!.reasons,
    ['invalid_mrn_hash', 'invalid_mrn_hash', 'phi_like_value'],
    'the planted rows are refused at bronze',
  );
  const leaks = seen.filter((s) => phiLikePattern().test(s.text));
  assert.deepEqual(
    leaks.map((l) => `${l.where}: ${l.text.match(phiLikePattern())?.slice(0, 3).join(', ')}`),
    [],
  );
});
