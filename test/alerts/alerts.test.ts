import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { AlertEvent } from '../../src/alerts/alert-event.js';
import { phiLikePattern } from '../../src/privacy/phi-patterns.js';
import { makeMeasureLake } from '../helpers/measure-lake.js';
import { addLandingFile, queryLake } from '../helpers/pipeline-lake.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { spawnNode } from '../helpers/spawn-cli.js';
import { deliverLandingFile, startWatch } from '../helpers/watch-process.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

// Alert rules on the golden lake (hand-made hospital fixtures: median ED-to-admit 180 min over
// all stays; HIGH LACE tier: E1, E2, E7), delivered to a real webhook receiver on loopback.

const ADMISSIONS_HEADER =
  'encounter_id,mrn_hash,ssn_masked,admit_dt,discharge_dt,los,drg_code,payer,readmit_flag,ed_arrival_dt,disposition,age,gender,admit_type,ed_decision_dt,unit,charlson_index,ed_visits_prior_6m\n';
/** A 19-day emergency stay: LACE L 7 + A 3 = 10, HIGH. */
const NEW_HIGH_RISK = `${ADMISSIONS_HEADER}E99,${'c'.repeat(64)},XXX-XX-9999,2025-03-01 10:00:00,2025-03-20 12:00:00,19,291,Medicare,false,2025-03-01 06:00:00,Home,81,M,Emergency,2025-03-01 08:00:00,MedSurg,0,0\n`;

function rules(hook: string, backoff = 20) {
  const webhook = { type: 'webhook', url: hook, retries: 3, backoff_ms: backoff, timeout_ms: 2000 };
  return [
    {
      name: 'ed-median-high',
      description: 'Median ED arrival to admission above 150 min',
      severity: 'critical',
      measure: { name: 'median_ed_to_admit_minutes' },
      condition: { type: 'threshold', op: '>', value: 150 },
      destinations: [webhook, { type: 'delta' }, { type: 'log' }],
    },
    {
      name: 'new-high-risk-discharge',
      severity: 'warning',
      query:
        "SELECT encounter_id, mrn_hash, risk_score FROM gold_healthcare_readmission_risk WHERE risk_tier = 'HIGH'",
      key: ['encounter_id'],
      condition: { type: 'new_row' },
      destinations: [webhook, { type: 'delta' }],
    },
  ];
}

async function lakeWithRules(hook: WebhookReceiver, backoff?: number) {
  const lake = await makeMeasureLake();
  mkdirSync(join(lake, 'alerts'));
  writeFileSync(join(lake, 'alerts', 'ops.json'), JSON.stringify(rules(hook.url, backoff)));
  return lake;
}

async function run(lake: string) {
  const r = await runCliCaptured(['run', 'all', '--lake', lake]);
  assert.equal(r.code, 0, r.stderr);
  return r;
}

test('alerts fire once per new condition, to a webhook, the Delta table and the log, with evidence and no PHI', async () => {
  const hook = await startWebhookReceiver();
  const lake = await lakeWithRules(hook);
  const first = await run(lake);
  assert.match(
    first.stdout,
    /ALERT \[critical\] Median ED arrival to admission above 150 min: median_ed_to_admit_minutes 180 > 150 — id \S+, read lh_silver\.dbo\.silver_healthcare_encounters@\d+/,
  );
  assert.equal(hook.accepted.length, 1, 'the HIGH-risk rows already there are the baseline');
  const alert = hook.accepted[0] as unknown as AlertEvent;
  assert.equal(alert.rule, 'ed-median-high');
  assert.equal(alert.value, 180);
  assert.equal(alert.key, '*');
  assert.equal(alert.evidence.source, 'measure');
  assert.match(alert.evidence.sql, /quantile_cont\(ed_to_admit_minutes, 0\.5\)/);
  assert.deepEqual(
    alert.evidence.tables.map((t) => t.table),
    ['lh_silver.dbo.silver_healthcare_encounters'],
  );

  const again = await run(lake);
  assert.doesNotMatch(again.stdout, /ALERT/);
  assert.equal(hook.requests.length, 1, 'a condition that still holds does not fire again');

  addLandingFile(lake, 'admissions_2025-04-01.csv', NEW_HIGH_RISK);
  await run(lake);
  assert.equal(hook.accepted.length, 2);
  const risk = hook.accepted[1] as unknown as AlertEvent;
  assert.equal(risk.rule, 'new-high-risk-discharge');
  assert.equal(risk.key, 'encounter_id=E99');
  assert.deepEqual(Object.keys(risk.fields).sort(), ['encounter_id', 'mrn_hash', 'risk_score']);
  assert.equal(risk.fields.mrn_hash, 'c'.repeat(64), 'the pseudonymised id, as an analyst sees it');
  assert.deepEqual(
    risk.evidence.tables.map((t) => t.table),
    ['lh_gold.dbo.gold_healthcare_readmission_risk'],
  );
  for (const body of hook.requests) assert.equal(phiLikePattern().test(JSON.stringify(body)), false);

  const rows = await queryLake(
    lake,
    'SELECT rule, alert_key, value FROM lh_gold.dbo.alert_events ORDER BY fired_at',
  );
  assert.deepEqual(rows, [
    { rule: 'ed-median-high', alert_key: '*', value: 180 },
    { rule: 'new-high-risk-discharge', alert_key: 'encounter_id=E99', value: null },
  ]);
});

test('a failing receiver: retried with backoff, then delivered later; never fired twice, across restarts', async () => {
  const hook = await startWebhookReceiver();
  const lake = await lakeWithRules(hook);
  hook.failNext(2);
  await run(lake);
  assert.equal(hook.requests.length, 3, 'two 503s, then accepted');
  assert.equal(hook.accepted.length, 1);
  assert.deepEqual(
    hook.requests.map((r) => r._idempotency_key),
    Array(3).fill(hook.accepted[0]!.alert_id),
    'every attempt carries the alert id',
  );

  // The receiver goes away: the new alert waits in the outbox; the run still succeeds.
  await hook.close();
  addLandingFile(lake, 'admissions_2025-04-01.csv', NEW_HIGH_RISK);
  const down = await runCliCaptured(['run', 'all', '--lake', lake]);
  assert.equal(down.code, 0, down.stderr);
  assert.match(
    down.stderr,
    /alert \S+ \(new-high-risk-discharge\) not delivered yet: webhook http:\/\/127\.0\.0\.1:\d+ failed: ECONNREFUSED; retried after the next run/,
  );

  // Back on the same port; the next run is a real process (a restart): it delivers, fires nothing new.
  const back = await startWebhookReceiver(hook.port);
  const next = spawnNode('src/cli/main.js', ['run', 'all', '--lake', lake]);
  assert.equal((await next.done).code, 0, next.stderr());
  assert.equal(back.accepted.length, 1);
  assert.equal(back.accepted[0]!.key, 'encounter_id=E99');
  const last = spawnNode('src/cli/main.js', ['run', 'all', '--lake', lake]);
  assert.equal((await last.done).code, 0, last.stderr());
  assert.equal(back.requests.length, 1, 'nothing fired twice');
  assert.deepEqual(
    await queryLake(lake, 'SELECT rule, count(*) AS n FROM lh_gold.dbo.alert_events GROUP BY 1 ORDER BY 1'),
    [
      { rule: 'ed-median-high', n: 1 },
      { rule: 'new-high-risk-discharge', n: 1 },
    ],
  );
});

test('carelake watch evaluates the rules after each batch; a restarted watcher fires nothing twice', {
  timeout: 300_000,
}, async () => {
  const hook = await startWebhookReceiver();
  const lake = await lakeWithRules(hook);
  const w = startWatch(lake);
  await w.waitForEvent('idle');
  assert.equal(
    w.events().filter((e) => e.event === 'alert').length,
    1,
    'the log destination, as a JSON line',
  );
  assert.equal(hook.accepted.length, 1);
  w.child.kill('SIGTERM');
  assert.equal((await w.done).code, 0);

  const again = startWatch(lake);
  await again.waitForEvent('idle');
  deliverLandingFile(lake, 'admissions_2025-04-01.csv', NEW_HIGH_RISK);
  await again.waitForEvent('idle', 2);
  const batch = again
    .events()
    .filter((e) => e.event === 'batch')
    .at(-1)!;
  assert.equal(batch.alerts_fired, 1);
  again.child.kill('SIGTERM');
  assert.equal((await again.done).code, 0);
  assert.deepEqual(
    hook.accepted.map((a) => `${a.rule} ${a.key}`),
    ['ed-median-high *', 'new-high-risk-discharge encounter_id=E99'],
  );
});

test('alerts test shows what would fire and what already fires, delivering nothing; bad rules are named', async () => {
  const hook = await startWebhookReceiver();
  const lake = await lakeWithRules(hook);
  writeFileSync(
    join(lake, 'alerts', 'today.json'),
    JSON.stringify({
      name: 'ed-median-today',
      measure: { name: 'median_ed_to_admit_minutes', window: 'today' },
      condition: { type: 'threshold', op: '>=', value: 240 },
      destinations: [{ type: 'log' }],
    }),
  );
  const today = await runCliCaptured([
    'alerts',
    'test',
    'ed-median-today',
    '--lake',
    lake,
    '--at',
    '2025-01-28T12:00:00Z',
    '--json',
  ]);
  assert.equal(today.code, 0, today.stderr);
  const decision = JSON.parse(today.stdout);
  assert.deepEqual(decision.evidence.window, { from: '2025-01-28', to: '2025-01-28' });
  assert.deepEqual(
    decision.would_fire.map((a: { key: string; value: number }) => [a.key, a.value]),
    [['day=2025-01-28', 240]],
  );

  // A change over a window: the last 7 days against the 7 before, as carelake measure computes them.
  writeFileSync(
    join(lake, 'alerts', 'surge.json'),
    JSON.stringify({
      name: 'ed-volume-change',
      measure: { name: 'ed_volume' },
      condition: { type: 'change', days: 7, op: '>=', value: -1000 },
      destinations: [{ type: 'log' }],
    }),
  );
  const surge = await runCliCaptured([
    'alerts',
    'test',
    'ed-volume-change',
    '--lake',
    lake,
    '--at',
    '2025-02-03T12:00:00Z',
    '--json',
  ]);
  assert.equal(surge.code, 0, surge.stderr);
  const volume = async (from: string, to: string) => {
    const r = await runCliCaptured([
      'measure',
      'ed_volume',
      '--from',
      from,
      '--to',
      to,
      '--format',
      'json',
      '--lake',
      lake,
    ]);
    assert.equal(r.code, 0, r.stderr);
    return Number(JSON.parse(r.stdout)[0].ed_volume ?? 0);
  };
  const change = JSON.parse(surge.stdout);
  assert.deepEqual(change.evidence.window, { from: '2025-01-28', to: '2025-02-03' });
  assert.deepEqual(change.evidence.previous_window, { from: '2025-01-21', to: '2025-01-27' });
  assert.equal(
    change.would_fire[0].value,
    (await volume('2025-01-28', '2025-02-03')) - (await volume('2025-01-21', '2025-01-27')),
  );

  const before = await runCliCaptured(['alerts', 'test', 'ed-median-high', '--lake', lake]);
  assert.equal(before.code, 0, before.stderr);
  assert.match(before.stdout, /would fire: 1\n {2}ALERT \[critical\] .* 180 > 150/);
  const baseline = await runCliCaptured(['alerts', 'test', 'new-high-risk-discharge', '--lake', lake]);
  assert.match(
    baseline.stdout,
    /first evaluation of a new_row rule: its 3 current row\(s\) become the baseline/,
  );
  assert.equal(hook.requests.length, 0, 'alerts test delivers nothing');
  await run(lake);
  const after = await runCliCaptured(['alerts', 'test', 'ed-median-high', '--lake', lake]);
  assert.match(after.stdout, /would fire: 0\nalready firing \(deduplicated, in .*\): 1\n {2}\*: 180/);

  const list = await runCliCaptured(['alerts', 'list', '--lake', lake]);
  assert.match(
    list.stdout,
    /ed-median-high\s+critical measure median_ed_to_admit_minutes, threshold → webhook http:\/\/127\.0\.0\.1:\d+, delta, log/,
  );

  writeFileSync(
    join(lake, 'alerts', 'zz-bad.json'),
    JSON.stringify({
      name: 'bad',
      measure: { name: 'ed_volume' },
      condition: { type: 'threshold', op: '!=', value: 1 },
      destinations: [],
    }),
  );
  const bad = await runCliCaptured(['alerts', 'test', 'bad', '--lake', lake]);
  assert.equal(bad.code, 2);
  assert.match(
    bad.stderr,
    /alert rule "bad" in alerts\/zz-bad\.json is invalid: condition\.op: .*; destinations: /,
  );
  writeFileSync(
    join(lake, 'alerts', 'zz-bad.json'),
    JSON.stringify({
      name: 'bronze-peek',
      query: 'SELECT * FROM lh_bronze.dbo.bronze_healthcare_admissions',
      key: ['encounter_id'],
      condition: { type: 'new_row' },
      destinations: [{ type: 'log' }],
    }),
  );
  const peek = await runCliCaptured(['alerts', 'test', 'bronze-peek', '--lake', lake]);
  assert.equal(peek.code, 2, peek.stderr);
  assert.match(peek.stderr, /bronze_healthcare_admissions/);
});

test('a signed webhook: each request carries carelake-signature over its exact bytes; without the secret nothing is sent until it is set', async () => {
  const secret = 'test-only-hook-secret-0123456789';
  const hook = await startWebhookReceiver();
  const lake = await makeMeasureLake();
  mkdirSync(join(lake, 'alerts'));
  const [edRule] = rules(hook.url);
  const webhook = { ...(edRule!.destinations[0] as object), secret_env: 'CARELAKE_TEST_HOOK_SECRET' };
  writeFileSync(join(lake, 'alerts', 'signed.json'), JSON.stringify({ ...edRule, destinations: [webhook] }));

  const unset = await run(lake);
  assert.equal(hook.raw.length, 0, 'never sent unsigned');
  assert.match(
    unset.stderr,
    /webhook http:\/\/127\.0\.0\.1:\d+ not sent: its signing secret CARELAKE_TEST_HOOK_SECRET is not set/,
  );
  const list = await runCliCaptured(['alerts', 'list', '--lake', lake]);
  assert.match(list.stdout, /signed with \$CARELAKE_TEST_HOOK_SECRET \(NOT SET/);

  const before = Math.floor(Date.now() / 1000);
  const set = await runCliCaptured(['run', 'all', '--lake', lake], { CARELAKE_TEST_HOOK_SECRET: secret });
  assert.equal(set.code, 0, set.stderr);
  assert.equal(hook.raw.length, 1, 'the held alert is delivered once the secret is there');
  const { body, signature } = hook.raw[0]!;
  const parts = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature ?? '');
  assert.ok(parts, `carelake-signature: ${signature}`);
  const t = Number(parts[1]);
  assert.ok(t >= before && t <= Date.now() / 1000 + 1, 'signed at the time it was sent');
  const mac = (text: string) => createHmac('sha256', secret).update(`${t}.${text}`).digest();
  assert.ok(timingSafeEqual(Buffer.from(parts[2]!, 'hex'), mac(body)), 'a receiver verifies it');
  assert.equal(timingSafeEqual(Buffer.from(parts[2]!, 'hex'), mac(body.replace('180', '181'))), false);
  assert.equal((JSON.parse(body) as AlertEvent).rule, 'ed-median-high');
  assert.equal(
    `${set.stdout}${set.stderr}${list.stdout}`.includes(secret),
    false,
    'the secret is never printed',
  );
});
