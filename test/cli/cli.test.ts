import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeTable } from '../../src/delta/write-table.js';
import { tableDir } from '../../src/lakehouse/lake-layout.js';
import { openTestEngine } from '../helpers/open-test-engine.js';
import { CLI, PROJECT_ROOT } from '../helpers/project-root.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { spawnNode } from '../helpers/spawn-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

async function makeLake(): Promise<string> {
  const lake = join(tempDir(), 'lake');
  assert.equal((await runCliCaptured(['init', '--lake', lake])).code, 0);
  const engine = await openTestEngine();
  const sessions = engine.table(tableDir(lake, 'lh_gold', 'sessions'));
  await writeTable(sessions, engine.writer, {
    source: {
      kind: 'query',
      sql: `SELECT i::BIGINT AS id, CASE WHEN i % 2 = 0 THEN 'Nurse' ELSE 'Physician' END AS role,
              TIMESTAMPTZ '2025-03-31 08:00:00+00' + i * INTERVAL 90 SECOND AS started, 9007199254740993 + i AS big,
              'say "hi", ok' AS note FROM range(5) r(i)`,
    },
  });
  await writeTable(sessions, engine.writer, {
    source: {
      kind: 'query',
      sql: `SELECT 99::BIGINT AS id, 'Admin' AS role, NULL::TIMESTAMPTZ AS started, 1 AS big, NULL::VARCHAR AS note`,
    },
  });
  const events = engine.table(tableDir(lake, 'lh_silver', 'events'));
  await writeTable(events, engine.writer, {
    source: { kind: 'query', sql: `SELECT 1 AS id, DATE '2025-03-31' AS d` },
    partitionBy: ['d'],
  });
  await writeTable(engine.table(tableDir(lake, 'lh_bronze', 'events')), engine.writer, {
    source: { kind: 'query', sql: 'SELECT 2 AS id' },
  });
  return lake;
}

test('--help lists the commands and does not load DuckDB', () => {
  const trace = join(tempDir(), 'trace.txt');
  const r = spawnSync(
    process.execPath,
    ['--import', join(PROJECT_ROOT, 'dist/test/fixtures/trace-resolve.js'), CLI, '--help'],
    {
      env: { ...process.env, TRACE_FILE: trace },
      encoding: 'utf8',
    },
  );
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Commands:\n(\s+\w+ .*\n)*\s+init/);
  const resolved = readFileSync(trace, 'utf8');
  assert.match(resolved, /command-registry\.js/, 'the trace hook saw the CLI load');
  assert.doesNotMatch(resolved, /duckdb/i);
});

test('every command documents itself', async () => {
  for (const name of ['init', 'sql', 'table', 'run', 'demo']) {
    const r = await runCliCaptured([name, '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, new RegExp(`Usage: carelake ${name}`));
    assert.match(r.stdout, /Example/);
  }
});

test('unknown commands and options are usage errors (exit 2)', async () => {
  assert.equal((await runCliCaptured(['frobnicate'])).code, 2);
  const r = await runCliCaptured(['sql', '--bogus', 'SELECT 1']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /bogus/);
});

test('a folder that is not a lake says how to create one', async () => {
  const r = await runCliCaptured(['sql', '--lake', tempDir(), 'SELECT 1']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /carelake init --lake/);
});

test('sql: qualified and unique bare names, three formats, exact int64', async () => {
  const lake = await makeLake();
  const table = await runCliCaptured([
    'sql',
    '--lake',
    lake,
    'SELECT id, role FROM sessions WHERE id < 2 ORDER BY id',
  ]);
  assert.equal(table.code, 0, table.stderr);
  assert.equal(table.stdout, 'id | role\n---+----------\n 0 | Nurse\n 1 | Physician\n(2 rows)\n');

  const csv = await runCliCaptured([
    'sql',
    '--lake',
    lake,
    '--format',
    'csv',
    'SELECT id, started, note, big FROM lh_gold.dbo.sessions ORDER BY id LIMIT 1',
  ]);
  assert.equal(csv.stdout, 'id,started,note,big\n0,2025-03-31T08:00:00Z,"say ""hi"", ok",9007199254740993\n');

  const json = await runCliCaptured([
    'sql',
    '--lake',
    lake,
    '--format',
    'json',
    'SELECT id, big, started FROM sessions ORDER BY id DESC LIMIT 2',
  ]);
  assert.equal(
    json.stdout,
    '[\n{"id":99,"big":1,"started":null},\n{"id":4,"big":9007199254740997,"started":"2025-03-31T08:06:00Z"}\n]\n',
  );
});

test('sql: ambiguous bare names are refused, qualified ones work', async () => {
  const lake = await makeLake();
  const r = await runCliCaptured(['sql', '--lake', lake, 'SELECT * FROM events']);
  assert.notEqual(r.code, 0);
  const q = await runCliCaptured([
    'sql',
    '--lake',
    lake,
    '--format',
    'csv',
    'SELECT * FROM lh_silver.dbo.events',
  ]);
  assert.equal(q.stdout, 'id,d\n1,2025-03-31\n');
});

test('sql is read-only', async () => {
  const lake = await makeLake();
  for (const stmt of [
    'DELETE FROM sessions',
    "COPY (SELECT 1) TO '/tmp/x.csv'",
    'CREATE TABLE t AS SELECT 1',
    "ATTACH 'x.db'",
    'SELECT 1; SELECT 2',
  ]) {
    const r = await runCliCaptured(['sql', '--lake', lake, stmt]);
    assert.equal(r.code, 2, stmt);
    assert.match(r.stderr, /read-only|exactly one query/);
  }
});

test('sql --as-of reads an older version, by number and by timestamp', async () => {
  const lake = await makeLake();
  const v0 = await runCliCaptured([
    'sql',
    '--lake',
    lake,
    '--as-of',
    '0',
    '--format',
    'csv',
    'SELECT count(*) AS n FROM sessions',
  ]);
  assert.equal(v0.stdout, 'n\n5\n');
  const now = await runCliCaptured([
    'sql',
    '--lake',
    lake,
    '--as-of',
    new Date(Date.now() + 60_000).toISOString(),
    '--format',
    'csv',
    'SELECT count(*) AS n FROM sessions',
  ]);
  assert.equal(now.stdout, 'n\n6\n');
  const bad = await runCliCaptured(['sql', '--lake', lake, '--as-of', 'yesterday', 'SELECT 1']);
  assert.equal(bad.code, 2);
});

test('table history, describe, optimize, vacuum and restore', async () => {
  const lake = await makeLake();
  const history = await runCliCaptured(['table', 'history', 'sessions', '--lake', lake]);
  assert.equal(history.code, 0, history.stderr);
  assert.match(history.stdout, /\n\s+1 \| .* \| WRITE/);
  assert.match(history.stdout, /\n\s+0 \| .* \| CREATE TABLE AS SELECT/);

  const describe = await runCliCaptured([
    'table',
    'describe',
    'lh_gold.dbo.sessions',
    '--lake',
    lake,
    '--json',
  ]);
  const info = JSON.parse(describe.stdout) as {
    version: number;
    numFiles: number;
    numRecords: number;
    columns: { name: string; type: string }[];
  };
  assert.equal(info.version, 1);
  assert.equal(info.numFiles, 2);
  assert.equal(info.numRecords, 6);
  assert.deepEqual(
    info.columns.map((c) => `${c.name}:${c.type}`),
    ['id:long', 'role:string', 'started:timestamp', 'big:long', 'note:string'],
  );

  const optimize = await runCliCaptured(['table', 'optimize', 'sessions', '--lake', lake]);
  assert.match(optimize.stdout, /version 2: 2 files rewritten as 1/);
  const count = await runCliCaptured([
    'sql',
    '--lake',
    lake,
    '--format',
    'csv',
    'SELECT count(*) AS n, sum(id) AS s FROM sessions',
  ]);
  assert.equal(count.stdout, 'n,s\n6,109\n');

  const refused = await runCliCaptured([
    'table',
    'vacuum',
    'sessions',
    '--lake',
    lake,
    '--retain-hours',
    '0',
  ]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /allow-short-retention/);
  const dry = await runCliCaptured([
    'table',
    'vacuum',
    'sessions',
    '--lake',
    lake,
    '--retain-hours',
    '0',
    '--allow-short-retention',
    '--dry-run',
  ]);
  assert.match(dry.stdout, /would delete 2 file/);

  const restore = await runCliCaptured(['table', 'restore', 'sessions', '--lake', lake, '--version', '0']);
  assert.match(restore.stdout, /restored version 0 as version 3/);
  const after = await runCliCaptured([
    'sql',
    '--lake',
    lake,
    '--format',
    'csv',
    'SELECT count(*) AS n FROM sessions',
  ]);
  assert.equal(after.stdout, 'n\n5\n');

  const missing = await runCliCaptured(['table', 'history', 'nope', '--lake', lake]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /not found.*lh_gold\.dbo\.sessions/);
});

test('demo generates a hospital, runs everything and prints KPIs; a re-run skips what it has', async () => {
  const lake = join(tempDir(), 'demo-lake');
  const r = await runCliCaptured(['demo', '--lake', lake, '--scale', 'tiny', '--no-serve']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /DEMO salt/);
  assert.match(r.stdout, /admissions\.parquet\s+→ bronze_healthcare_admissions\s+200 = 200 \+ 0 ok/);
  assert.match(r.stdout, /Expectations: \d+ passed, 0 failed/);
  assert.match(r.stdout, /== Readmission risk model \(LACE\)\nscope/);
  const again = await runCliCaptured(['demo', '--lake', lake, '--scale', 'tiny', '--no-serve']);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /already ingested, skipped/);
});

test('demo ends by serving the dashboard and printing its URL; Ctrl-C stops it cleanly', async () => {
  const lake = join(tempDir(), 'demo-served');
  const demo = spawnNode('src/cli/main.js', ['demo', '--lake', lake, '--scale', 'tiny', '--port', '0']);
  await demo.waitFor(/dashboard {2}http:\/\/127\.0\.0\.1:\d+\//, 120_000);
  const url = /dashboard {2}(http:\/\/127\.0\.0\.1:\d+)\//.exec(demo.stdout())![1]!;
  assert.deepEqual(await (await fetch(`${url}/health`)).json(), { status: 'ok' });
  assert.equal((await fetch(`${url}/api/tables`)).status, 401, 'data needs a sign-in');
  await demo.waitFor(/sign in {4}http:\/\/\S+\/login\?code=\S+/);
  const link = /sign in {4}(\S+)/.exec(demo.stdout())![1]!;
  const signIn = await fetch(link, { redirect: 'manual' });
  assert.equal(signIn.status, 302);
  const cookie = signIn.headers.get('set-cookie')!;
  assert.match(cookie, /carelake_session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict/);
  assert.equal(
    (await fetch(link, { redirect: 'manual' })).headers.get('set-cookie'),
    null,
    'the link works once',
  );
  const tables = (await (
    await fetch(`${url}/api/tables`, { headers: { Cookie: cookie.split(';')[0]! } })
  ).json()) as {
    tables: { table: string }[];
  };
  assert.ok(tables.tables.some((t) => t.table === 'lh_gold.dbo.gold_healthcare_kpis'));
  demo.child.kill('SIGINT');
  const end = await demo.done;
  assert.equal(end.code, 0, demo.stderr());
  assert.match(demo.stdout(), /carelake serve: stopped/);
});

test('serve refuses a non-loopback --host without TLS unless told --insecure-http', async () => {
  const lake = join(tempDir(), 'serve-host');
  assert.equal((await runCliCaptured(['init', '--lake', lake])).code, 0);
  for (const host of ['0.0.0.0', '192.0.2.10', '::']) {
    const r = await runCliCaptured(['serve', '--lake', lake, '--host', host]);
    assert.equal(r.code, 2, host);
    assert.match(
      r.stderr,
      new RegExp(
        `--host ${host.replaceAll('.', '\\.')} would send patient-level data over the network unencrypted; give --tls-cert and --tls-key`,
      ),
    );
  }
  const half = await runCliCaptured(['serve', '--lake', lake, '--tls-cert', 'c.pem']);
  assert.equal(half.code, 2);
  assert.match(half.stderr, /give both --tls-cert and --tls-key/);
  const bad = await runCliCaptured(['serve', '--lake', lake, '--port', 'http']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--port must be a number/);
});
