import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AlertDestination } from '../../src/alerts/alert-rule.js';
import { parseAlertRules } from '../../src/alerts/parse-alert-rules.js';
import { resolveWebhookSecret } from '../../src/alerts/resolve-webhook-secret.js';
import { signWebhookBody } from '../../src/alerts/sign-webhook-body.js';
import { CarelakeError } from '../../src/errors/carelake-error.js';

type Webhook = Extract<AlertDestination, { type: 'webhook' }>;
const SECRET = '0123456789abcdef-test-secret';

test('a signature is HMAC-SHA256 over "<t>.<body>", the time in whole seconds', () => {
  // Expected value from Python's hmac module, an independent implementation:
  // hmac.new(SECRET, b'1765065600.{"rule":"ed-median-high"}', hashlib.sha256).hexdigest()
  assert.equal(
    signWebhookBody(SECRET, '{"rule":"ed-median-high"}', 1765065600.9),
    't=1765065600,v1=48e7608d376e51e4e8a5f066ee4a89e4fac3a361ae6567844fdbd5557669beba',
  );
  assert.notEqual(
    signWebhookBody(SECRET, '{"rule":"ed-median-high"}', 1765065601),
    signWebhookBody(SECRET, '{"rule":"ed-median-high"}', 1765065600),
    'the time is signed: a replay cannot move it',
  );
});

test('the secret comes from the variable secret_env names; unset or short, nothing is sent', () => {
  const [rule] = parseAlertRules(
    {
      name: 'signed',
      measure: { name: 'ed_volume' },
      condition: { type: 'threshold', op: '>', value: 1 },
      destinations: [{ type: 'webhook', url: 'http://127.0.0.1:9/hook', secret_env: 'OPS_HOOK_SECRET' }],
    },
    'carelake.json',
  );
  const hook = rule!.destinations[0] as Webhook;
  assert.equal(resolveWebhookSecret(hook, { OPS_HOOK_SECRET: SECRET }), SECRET);
  assert.equal(
    resolveWebhookSecret({ ...hook, secret_env: undefined }, { OPS_HOOK_SECRET: SECRET }),
    undefined,
  );
  assert.throws(
    () => resolveWebhookSecret(hook, {}),
    (e: Error) =>
      e instanceof CarelakeError &&
      /not sent: its signing secret OPS_HOOK_SECRET is not set; export OPS_HOOK_SECRET=/.test(e.message),
  );
  assert.throws(
    () => resolveWebhookSecret(hook, { OPS_HOOK_SECRET: 'short-secret' }),
    (e: Error) =>
      /OPS_HOOK_SECRET is 12 characters long; a signing secret needs at least 16/.test(e.message) &&
      !e.message.includes('short-secret'),
  );
  assert.throws(
    () =>
      parseAlertRules(
        {
          name: 'inline',
          measure: { name: 'ed_volume' },
          condition: { type: 'threshold', op: '>', value: 1 },
          destinations: [{ type: 'webhook', url: 'http://127.0.0.1:9/hook', secret_env: 'my secret' }],
        },
        'alerts/x.json',
      ),
    /alert rule "inline" in alerts\/x\.json is invalid: destinations\.0\.secret_env: an environment variable name/,
  );
});
