import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UsageError } from '../../src/errors/usage-error.js';
import { DEMO_HASH_SALT } from '../../src/privacy/demo-salt.js';
import { resolveHashSalt } from '../../src/privacy/resolve-hash-salt.js';
import { assertUsableSalt, MIN_SALT_LENGTH } from '../../src/privacy/salt-policy.js';

const GOOD = 'a-perfectly-fine-secret-salt';

describe('hash salt policy', () => {
  test('no salt is a usage error (exit 2) that says how to set one', () => {
    for (const env of [{}, { CARELAKE_HASH_SALT: '' }]) {
      assert.throws(
        () => resolveHashSalt(env),
        (e: unknown) =>
          e instanceof UsageError &&
          e.exitCode === 2 &&
          /export CARELAKE_HASH_SALT=/.test(e.message) &&
          /16/.test(e.message),
      );
    }
  });

  test('CARELAKE_HASH_SALT is used, FABRIC_POC_HASH_SALT accepted, CARELAKE_ wins when both are set', () => {
    assert.equal(resolveHashSalt({ CARELAKE_HASH_SALT: GOOD }), GOOD);
    assert.equal(resolveHashSalt({ FABRIC_POC_HASH_SALT: GOOD }), GOOD);
    assert.equal(resolveHashSalt({ CARELAKE_HASH_SALT: GOOD, FABRIC_POC_HASH_SALT: `${GOOD}-other` }), GOOD);
  });

  test('a salt under 16 characters is refused, and the message never repeats the salt', () => {
    const short = 'x'.repeat(MIN_SALT_LENGTH - 1);
    assert.throws(
      () => resolveHashSalt({ FABRIC_POC_HASH_SALT: 'secret-but-short'.slice(0, 15) }),
      (e: unknown) =>
        e instanceof UsageError &&
        /FABRIC_POC_HASH_SALT is 15 characters/.test(e.message) &&
        !e.message.includes('secret-but-shor'),
    );
    assert.throws(() => assertUsableSalt(short, 'salt'), UsageError);
    assert.doesNotThrow(() => assertUsableSalt('x'.repeat(MIN_SALT_LENGTH), 'salt'));
  });

  test('the demo salt is long enough and says loudly what it is', () => {
    assert.doesNotThrow(() => assertUsableSalt(DEMO_HASH_SALT, 'demo'));
    assert.match(DEMO_HASH_SALT, /DEMO/);
    assert.match(DEMO_HASH_SALT, /NOT-for-real-data/);
  });
});
