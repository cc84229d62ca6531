import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translateQueryError } from '../../src/engine/duckdb/translate-query-error.js';
import { tableDir } from '../../src/lakehouse/lake-layout.js';
import { makeGoldenLake } from '../helpers/golden-lake.js';
import { runCliCaptured } from '../helpers/run-cli.js';

const lake = await makeGoldenLake();
const sql = (query: string, ...extra: string[]) => runCliCaptured(['sql', '--lake', lake, ...extra, query]);
const gold = tableDir(lake, 'lh_gold', 'gold_healthcare_kpis');

test('file-reading functions are refused outside the tables the query names', async () => {
  const landing = `${lake}/lh_bronze.Lakehouse/Files/landing/healthcare/admissions.csv`;
  for (const q of [
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_csv_auto('/etc/passwd')",
    "SELECT * FROM read_text('/etc/passwd')",
    "SELECT * FROM read_blob('/etc/hostname')",
    "SELECT * FROM read_json('/etc/passwd')",
    "SELECT * FROM read_json_auto('/etc/passwd')",
    "SELECT * FROM read_ndjson('/etc/passwd')",
    "SELECT * FROM sniff_csv('/etc/passwd')",
    "SELECT * FROM glob('/etc/*')",
    "SELECT * FROM read_parquet('/etc/passwd')",
    "SELECT * FROM parquet_metadata('/etc/passwd')",
    "SELECT * FROM parquet_schema('/etc/passwd')",
    `SELECT * FROM read_text('${lake}/carelake.json')`,
    `SELECT * FROM read_csv('${landing}')`,
    `SELECT * FROM read_text('${tableDir(lake, 'lh_bronze', 'bronze_healthcare_admissions')}/_delta_log/00000000000000000000.json')`,
    'SELECT * FROM duckdb_secrets()',
  ]) {
    const r = await sql(q);
    assert.equal(r.code, 2, `${q}: ${r.stdout}`);
    assert.equal(r.stdout, '', q);
    assert.doesNotMatch(r.stderr, /internal error|root:x:0:0/, q);
  }
  // The tables themselves, and their own folders, stay readable.
  assert.equal(
    (await sql('SELECT count(*) AS n FROM gold_healthcare_kpis', '--format', 'csv')).stdout,
    'n\n4\n',
  );
  const own = await sql(
    `SELECT count(*) AS n FROM gold_healthcare_kpis, glob('${gold}/*.parquet')`,
    '--format',
    'csv',
  );
  assert.equal(own.code, 0, own.stderr);
});

test('settings are locked and external access is off for user SQL', async () => {
  const r = await sql(
    "SELECT current_setting('enable_external_access') AS ext, current_setting('lock_configuration') AS locked",
    '--format',
    'csv',
  );
  assert.equal(r.stdout, 'ext,locked\nfalse,true\n');
  for (const q of [
    'SET enable_external_access = true',
    'PRAGMA enable_external_access',
    'INSTALL httpfs',
    'LOAD httpfs',
    "ATTACH '/tmp/x.db' AS x",
    "COPY (SELECT 1) TO '/tmp/out.csv'",
    "EXPORT DATABASE '/tmp/exp'",
    'CALL pragma_version()',
    'CREATE TABLE t AS SELECT 1',
    'DELETE FROM gold_healthcare_kpis',
    'SELECT 1; SELECT 2',
  ]) {
    const x = await sql(q);
    assert.equal(x.code, 2, q);
  }
});

test('a runaway query is cancelled at its time limit and the next query works', async () => {
  const slow = await sql('SELECT count(*) FROM range(1000000000000)', '--timeout', '1');
  assert.equal(slow.code, 2);
  assert.match(
    slow.stderr,
    /query cancelled after 1 s \(the time limit\); narrow it, or raise the limit \(--timeout\)/,
  );
  const rec = await sql(
    'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r',
    '--timeout',
    '1',
  );
  assert.equal(rec.code, 2);
  assert.match(rec.stderr, /cancelled/);
  assert.equal((await sql('SELECT 1 AS ok', '--format', 'csv')).stdout, 'ok\n1\n');
  const capped = await sql('SELECT * FROM range(100) r(i)', '--format', 'csv', '--max-rows', '3');
  assert.equal(capped.stdout, 'i\n0\n1\n2\n');
  assert.match(capped.stderr, /stopped at 3 rows/);
});

test('user mistakes are user errors: unknown tables list the lake, syntax errors keep their place, no row values', async () => {
  const unknown = await sql('SELECT * FROM kpis');
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown table "kpis"; tables: .*lh_gold\.dbo\.gold_healthcare_kpis/);
  assert.doesNotMatch(unknown.stderr, /pg_indexes|internal error/);
  const syntax = await sql('SELEC 1');
  assert.equal(syntax.code, 2);
  assert.match(syntax.stderr, /syntax error at or near "SELEC"/);
  const conversion = await sql('SELECT CAST(payer AS INTEGER) FROM silver_healthcare_encounters');
  assert.equal(conversion.code, 2);
  assert.doesNotMatch(conversion.stderr, /Medicare|Medicaid|Commercial|internal error/);
  assert.match(conversion.stderr, /Could not convert string '…'/);
  const typed = await sql('SELECT * FROM MRN_0042');
  assert.equal(typed.code, 2);
  assert.match(typed.stderr, /unknown table "<withheld>"/, 'a PHI-like name typed by mistake is not echoed');
  const measure = await runCliCaptured(['measure', '--lake', lake, '123-45-6789']);
  assert.equal(measure.code, 2);
  assert.doesNotMatch(measure.stderr, /123-45-6789/);
  assert.equal(
    translateQueryError('Binder Error: Referenced column "mrn" not found', []).message,
    'Binder Error: Referenced column "mrn" not found',
  );
});
