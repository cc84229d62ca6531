import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchAlertCondition } from '../../src/alerts/alert-match.js';
import { changeWindows, dayInZone, ruleWindow } from '../../src/alerts/alert-window.js';
import { parseAlertRules } from '../../src/alerts/parse-alert-rules.js';
import { planAlertFirings } from '../../src/alerts/plan-alert-firings.js';
import { UsageError } from '../../src/errors/usage-error.js';

const [occupancy, highRisk] = parseAlertRules(
  [
    {
      name: 'occupancy-over-85',
      measure: { name: 'occupancy_pct', by: ['date'] },
      condition: { type: 'threshold', op: '>', value: 85 },
      destinations: [{ type: 'log' }],
    },
    {
      name: 'new-high-risk',
      query: "SELECT encounter_id, mrn_hash FROM gold_healthcare_readmission_risk WHERE risk_tier = 'HIGH'",
      key: ['encounter_id'],
      condition: { type: 'new_row' },
      destinations: [{ type: 'webhook', url: 'http://127.0.0.1:9/hook' }],
    },
  ],
  'carelake.json',
);

test('rules get their defaults; every mistake names the file, the rule and the field', () => {
  assert.equal(occupancy!.severity, 'warning');
  assert.equal(occupancy!.measure!.window, 'all');
  assert.deepEqual(highRisk!.destinations[0], {
    type: 'webhook',
    url: 'http://127.0.0.1:9/hook',
    retries: 4,
    backoff_ms: 500,
    timeout_ms: 5000,
  });
  const bad = (rule: unknown) => assert.throws(() => parseAlertRules(rule, 'alerts/x.json'), UsageError);
  bad({
    name: 'both',
    measure: { name: 'ed_volume' },
    query: 'SELECT 1',
    condition: { type: 'new_row' },
    destinations: [{ type: 'log' }],
  });
  bad({ name: 'no dest', measure: { name: 'ed_volume' }, condition: { type: 'new_row' }, destinations: [] });
  bad({
    name: 'q',
    query: 'SELECT 1 AS v',
    condition: { type: 'threshold', op: '>', value: 1 },
    destinations: [{ type: 'log' }],
  });
  bad({
    name: 'c',
    query: 'SELECT 1 AS v',
    condition: { type: 'change', days: 7, op: '>', value: 1 },
    destinations: [{ type: 'log' }],
  });
  assert.throws(
    () =>
      parseAlertRules(
        {
          name: 'ftp',
          measure: { name: 'ed_volume' },
          condition: { type: 'new_row' },
          destinations: [{ type: 'webhook', url: 'ftp://x/y' }],
        },
        'alerts/x.json',
      ),
    /alert rule "ftp" in alerts\/x\.json is invalid: destinations\.0\.url: /,
  );
});

test('windows are calendar days in the lake zone', () => {
  const now = new Date('2026-12-07T03:00:00Z');
  assert.equal(dayInZone(now, 'UTC'), '2026-12-07');
  assert.equal(dayInZone(now, 'America/New_York'), '2026-12-06');
  assert.deepEqual(ruleWindow('today', now, 'UTC'), { from: '2026-12-07', to: '2026-12-07' });
  assert.deepEqual(ruleWindow({ days: 7 }, now, 'UTC'), { from: '2026-12-01', to: '2026-12-07' });
  assert.equal(ruleWindow('all', now, 'UTC'), undefined);
  assert.deepEqual(changeWindows(7, now, 'UTC'), {
    current: { from: '2026-12-01', to: '2026-12-07' },
    previous: { from: '2026-11-24', to: '2026-11-30' },
  });
});

test('a threshold matches per key; text that looks like a raw MRN or SSN never leaves', () => {
  const matches = matchAlertCondition(occupancy!, {
    rows: [
      { date: '2025-01-01', occupancy_pct: 91 },
      { date: '2025-01-02', occupancy_pct: 85 },
      { date: '2025-01-03', occupancy_pct: null },
    ],
    keyColumns: ['date'],
    valueColumn: 'occupancy_pct',
  });
  assert.deepEqual(matches, [
    { key: 'date=2025-01-01', value: 91, fields: { date: '2025-01-01', occupancy_pct: 91 } },
  ]);
  const [row] = matchAlertCondition(highRisk!, {
    rows: [{ encounter_id: 'MRN0012345', mrn_hash: 'ab', note: 'ssn 123-45-6789' }],
    keyColumns: ['encounter_id'],
    valueColumn: undefined,
    extraColumns: ['mrn_hash', 'note'],
  });
  assert.equal(row!.key, 'encounter_id=<withheld>');
  assert.deepEqual(row!.fields, { encounter_id: '<withheld>', mrn_hash: 'ab', note: 'ssn <withheld>' });
});

test('once per new condition: held keys do not fire again, cleared ones may; new_row starts from a baseline', () => {
  let n = 0;
  const id = () => `a${++n}`;
  const m = (key: string) => ({ key, value: 90, fields: {} });
  const first = planAlertFirings(occupancy!, undefined, [m('d=1'), m('d=2')], id);
  assert.deepEqual(
    first.fire.map((f) => f.alertId),
    ['a1', 'a2'],
  );
  const second = planAlertFirings(occupancy!, first.next, [m('d=1'), m('d=2')], id);
  assert.deepEqual(second.fire, []);
  assert.deepEqual(second.next, first.next);
  const cleared = planAlertFirings(occupancy!, second.next, [m('d=2')], id);
  assert.deepEqual(cleared.next.active, { 'd=2': 'a2' });
  const back = planAlertFirings(occupancy!, cleared.next, [m('d=1'), m('d=2')], id);
  assert.deepEqual(
    back.fire.map((f) => [f.match.key, f.alertId]),
    [['d=1', 'a3']],
  );

  const baseline = planAlertFirings(highRisk!, undefined, [m('e=1')], id);
  assert.deepEqual(baseline.fire, []);
  const next = planAlertFirings(highRisk!, baseline.next, [m('e=1'), m('e=2')], id);
  assert.deepEqual(
    next.fire.map((f) => f.match.key),
    ['e=2'],
  );
  const all = planAlertFirings({ ...highRisk!, fire_existing: true }, undefined, [m('e=1')], id);
  assert.equal(all.fire.length, 1);
});
