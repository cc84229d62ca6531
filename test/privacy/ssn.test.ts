import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deriveStream } from '../../src/generate/random/derive-stream.js';
import { maskSsn } from '../../src/privacy/mask-ssn.js';
import { maskedSyntheticSsn, syntheticSsn } from '../../src/privacy/synthetic-ssn.js';

describe('synthetic SSNs', () => {
  test('are always in the never-issued 900–999 area range, with valid group and serial', () => {
    const rng = deriveStream(1, 'ssn-test');
    for (let i = 0; i < 20_000; i++) {
      const ssn = syntheticSsn((n) => rng.int(n));
      const m = /^(\d{3})-(\d{2})-(\d{4})$/.exec(ssn);
      assert.ok(m, ssn);
      assert.ok(Number(m[1]) >= 900 && Number(m[1]) <= 999, ssn);
      assert.ok(Number(m[2]) >= 1 && Number(m[3]) >= 1, ssn);
    }
  });

  test('are only ever written masked: XXX-XX-#### with the last four digits', () => {
    assert.equal(maskSsn('917-42-0831'), 'XXX-XX-0831');
  });

  test('the masked draw equals masking the full draw, from the same stream state', () => {
    const a = deriveStream(2, 'ssn-test');
    const b = deriveStream(2, 'ssn-test');
    for (let i = 0; i < 20_000; i++) {
      assert.equal(
        maskedSyntheticSsn((n) => a.int(n)),
        maskSsn(syntheticSsn((n) => b.int(n))),
      );
    }
  });

  test('masking a value that is not an SSN fails without echoing the value', () => {
    assert.throws(
      () => maskSsn('MRN-123 and 917420831'),
      (e: unknown) =>
        e instanceof Error && !e.message.includes('917420831') && !e.message.includes('MRN-123'),
    );
  });
});
