import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeGoldenLake } from '../helpers/golden-lake.js';
import { runCliCaptured } from '../helpers/run-cli.js';

const lake = await makeGoldenLake();

test('every carelake sql query is audited, refused ones too; carelake audit filters the trail; no PHI in it', async () => {
  assert.equal(
    (await runCliCaptured(['audit', '--lake', lake])).stdout,
    'the audit log is empty: nothing has been served or queried yet\n',
  );
  const ok = await runCliCaptured([
    'sql',
    '--lake',
    lake,
    '--format',
    'csv',
    "SELECT count(*) AS n FROM silver_healthcare_encounters WHERE encounter_id <> '123-45-6789'",
  ]);
  assert.equal(ok.code, 0, ok.stderr);
  const refused = await runCliCaptured(['sql', '--lake', lake, 'DELETE FROM silver_healthcare_encounters']);
  assert.equal(refused.code, 2);
  const all = await runCliCaptured(['audit', '--lake', lake, '--format', 'json']);
  assert.equal(all.code, 0, all.stderr);
  const rows = JSON.parse(all.stdout) as Record<string, unknown>[];
  assert.deepEqual(
    rows.map((r) => [r.route, r.outcome, r.status]),
    [
      ['carelake sql', 'rejected', 2],
      ['carelake sql', 'allowed', 0],
    ],
  );
  assert.match(String(rows[1]!.request), /encounter_id <> '<withheld>'/);
  assert.match(String(rows[1]!.tables_read), /lh_silver\.dbo\.silver_healthcare_encounters","version":\d+/);
  assert.equal(rows[1]!.rows_returned, 1);
  assert.doesNotMatch(all.stdout, /123-45-6789/);
  const byTable = JSON.parse(
    (
      await runCliCaptured([
        'audit',
        '--lake',
        lake,
        '--format',
        'json',
        '--table',
        'silver_healthcare_encounters',
      ])
    ).stdout,
  );
  assert.equal(byTable.length, 1);
  const bad = await runCliCaptured(['audit', '--lake', lake, '--since', 'yesterday']);
  assert.equal(bad.code, 2);
});

test('the audit trail cannot be rewritten or deleted through carelake', async () => {
  await runCliCaptured(['sql', '--lake', lake, 'SELECT 1']);
  for (const action of [['optimize'], ['vacuum'], ['restore', '--version', '0']]) {
    const r = await runCliCaptured([
      'table',
      action[0]!,
      'lh_audit.dbo.access_log',
      ...action.slice(1),
      '--lake',
      lake,
    ]);
    assert.equal(r.code, 2, action.join(' '));
    assert.match(r.stderr, /part of the audit trail, which carelake never rewrites or deletes/);
  }
  const history = await runCliCaptured(['table', 'history', 'lh_audit.dbo.access_log', '--lake', lake]);
  assert.equal(history.code, 0);
  const write = await runCliCaptured([
    'sql',
    '--lake',
    lake,
    'INSERT INTO lh_audit.dbo.access_log VALUES (now())',
  ]);
  assert.equal(write.code, 2);
});
