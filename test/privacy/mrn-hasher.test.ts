import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import { UsageError } from '../../src/errors/usage-error.js';
import { mrnForPatient } from '../../src/generate/population/mrn-for-patient.js';
import { createMrnHasher } from '../../src/privacy/mrn-hasher.js';
import { createMrnHexWriter } from '../../src/privacy/mrn-hex-writer.js';

const SALT = 'carelake-test-salt-0123456789';

describe('MRN pseudonyms', () => {
  test('written as bytes equal the string pseudonyms: every ASCII length that fits, long and UTF-8 salts', () => {
    const out = Buffer.alloc(70);
    for (const salt of [SALT, 'x'.repeat(64), 'x'.repeat(100), 'é-salt-with-utf8-0123456789']) {
      const write = createMrnHexWriter(salt);
      const hash = createMrnHasher(salt);
      const inputs = [mrnForPatient(0, 42), mrnForPatient(123_456, 7)];
      for (let n = 0; n <= 55; n++) inputs.push('7'.repeat(n));
      for (const input of inputs) {
        write(Buffer.from(input, 'latin1'), input.length, out, 3);
        assert.equal(out.toString('latin1', 3, 67), hash(input), `${salt}: ${input}`);
      }
    }
  });

  test('are HMAC-SHA-256 of the MRN keyed with the salt, 64 lowercase hex', () => {
    const hash = createMrnHasher(SALT)('MRN-000123456');
    assert.equal(hash, createHmac('sha256', SALT).update('MRN-000123456').digest('hex'));
    assert.match(hash, /^[0-9a-f]{64}$/);
  });

  test('depend on the salt, so they cannot be looked up without it', () => {
    const mrn = 'MRN-000123456';
    assert.notEqual(createMrnHasher(SALT)(mrn), createMrnHasher(`${SALT}-x`)(mrn));
    assert.notEqual(createMrnHasher(SALT)(mrn), createHmac('sha256', '').update(mrn).digest('hex'));
  });

  test('match node:crypto HMAC byte for byte: every input length, long and UTF-8 salts, non-ASCII input', () => {
    const inputs = ['', 'é', `${'ü'.repeat(20)}`, 'z'.repeat(300)];
    for (let n = 1; n <= 70; n++) inputs.push('7'.repeat(n));
    for (let i = 0; i < 2_000; i++) inputs.push(mrnForPatient(i * 7919, 42));
    for (const salt of [SALT, 'x'.repeat(64), 'x'.repeat(100), 'é-salt-with-utf8-0123456789']) {
      const pseudonym = createMrnHasher(salt);
      for (const input of inputs) {
        assert.equal(
          pseudonym(input),
          createHmac('sha256', salt).update(input, 'utf8').digest('hex'),
          `${salt} ${input}`,
        );
      }
    }
  });

  test('a short salt is refused', () => {
    assert.throws(() => createMrnHasher('too-short'), UsageError);
  });

  test('simulated MRNs are unique per patient (a bijection of the index) and 9 digits', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) seen.add(mrnForPatient(i, 42));
    assert.equal(seen.size, 200_000);
    assert.match(mrnForPatient(0, 42), /^MRN-\d{9}$/);
    assert.notEqual(mrnForPatient(5, 1), mrnForPatient(5, 2));
  });
});
