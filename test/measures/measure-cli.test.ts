import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeMeasureLake } from '../helpers/measure-lake.js';
import { runCliCaptured } from '../helpers/run-cli.js';

const lake = await makeMeasureLake();
const measure = (...args: string[]) => runCliCaptured(['measure', ...args, '--lake', lake]);

test('measure --help documents the command with examples; it is in the command list', async () => {
  const r = await runCliCaptured(['measure', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Usage: carelake measure/);
  assert.match(r.stdout, /Example/);
  assert.match((await runCliCaptured(['--help'])).stdout, /\n\s+measure\s/);
});

test('measure prints a table, csv or json, sliced, filtered and dated', async () => {
  const table = await measure('readmission_rate', 'denial_rate', '--by', 'payer');
  assert.equal(table.code, 0, table.stderr);
  assert.equal(
    table.stdout,
    [
      'payer      | readmission_rate | denial_rate',
      '-----------+------------------+------------',
      'Commercial |                0 |         100',
      'Medicaid   |                0 |           0',
      'Medicare   |              100 |       33.33',
      'Self-Pay   |              100 |        NULL',
      '(4 rows)',
      '',
    ].join('\n'),
  );
  // Occupancy in February and March: 13 of 280 and 2 of 70 bed-days.
  const csv = await measure(
    'occupancy_pct',
    '--by',
    'date:month',
    '--from',
    '2025-02-01',
    '--to',
    '2025-03-31',
    '--format',
    'csv',
  );
  assert.equal(csv.stdout, 'date,occupancy_pct\n2025-02-01,4.64\n2025-03-01,2.86\n');
  // Medicare and Medicaid stays: LOS 4, 2, 2, 2, 3.
  const json = await measure(
    'avg_los',
    '--where',
    'payer=Medicare,Medicaid',
    '--where',
    'admit_type=Emergency',
    '--format',
    'json',
  );
  // Emergency among them: E1 4, E2 2, E7 2.
  assert.equal(json.stdout, '[\n{"avg_los":2.67}\n]\n');
});

test('measure --list and --values', async () => {
  const list = await runCliCaptured(['measure', '--list']);
  assert.equal(list.code, 0);
  assert.match(list.stdout, /case_mix_index\s+ratio\s+Case mix index\s+target 1\.4–1\.8/);
  assert.match(list.stdout, /Dimensions:\n\s+date\s+Date \(day, week, month\)/);
  const values = await measure('--values', 'risk_tier', '--format', 'csv');
  assert.equal(values.stdout, 'risk_tier\nHIGH\nLOW\nMEDIUM\n');
});

test('mistakes exit 2 with a message naming the value and what is allowed', async () => {
  const cases: [string[], RegExp][] = [
    [['readmit'], /unknown measure "readmit"; allowed: encounters, readmission_rate, avg_los/],
    [['avg_los', '--by', 'ward'], /unknown dimension "ward"; allowed: date, drg_code/],
    [['occupancy_pct', '--by', 'payer'], /occupancy_pct cannot be sliced by payer; allowed: date/],
    [['avg_los', '--where', 'payer'], /filter "payer" is malformed/],
    [['avg_los', '--from', '2025-02-30'], /--from "2025-02-30" is not a calendar date/],
    [['avg_los', '--by', 'date:year'], /unknown date grain "year"; allowed: day, week, month/],
    [['avg_los', '--format', 'xml'], /unknown --format "xml"/],
    [[], /name at least one measure/],
  ];
  for (const [args, message] of cases) {
    const r = await measure(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /internal error/);
  }
});
