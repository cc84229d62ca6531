import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UsageError } from '../../src/errors/usage-error.js';
import { parseCount } from '../../src/generate/options/parse-count.js';
import { parseRate } from '../../src/generate/options/parse-rate.js';
import { parseSeed } from '../../src/generate/options/parse-seed.js';
import { resolveCounts } from '../../src/generate/options/resolve-counts.js';
import { SCALES } from '../../src/generate/scales.js';
import { validateOptions } from '../../src/generate/validate-options.js';

const base = {
  outDir: '/tmp/x',
  seed: 1,
  counts: SCALES.tiny,
  format: 'csv' as const,
  dirtyRate: 0,
  salt: 'x'.repeat(16),
};

describe('generate options', () => {
  test('counts accept separators and k/M/G suffixes, nothing else', () => {
    assert.equal(parseCount('events', '25000'), 25_000);
    assert.equal(parseCount('events', '25_000'), 25_000);
    assert.equal(parseCount('events', '25,000'), 25_000);
    assert.equal(parseCount('events', '25k'), 25_000);
    assert.equal(parseCount('events', '2.5M'), 2_500_000);
    assert.equal(parseCount('events', '1G'), 1_000_000_000);
    for (const bad of ['', '-5', '1.5', 'lots', '10 000', '1e6'])
      assert.throws(() => parseCount('events', bad), UsageError, bad);
  });

  test('rates are fractions or percentages up to one half', () => {
    assert.equal(parseRate('0.02'), 0.02);
    assert.equal(parseRate('2%'), 0.02);
    assert.equal(parseRate('0'), 0);
    for (const bad of ['', '%', '-0.1', '0.6', 'some']) assert.throws(() => parseRate(bad), UsageError, bad);
  });

  test('seeds are whole numbers', () => {
    assert.equal(parseSeed('0'), 0);
    assert.equal(parseSeed('9007199254740991'), Number.MAX_SAFE_INTEGER);
    for (const bad of ['-1', '1.5', 'abc', '9007199254740993'])
      assert.throws(() => parseSeed(bad), UsageError, bad);
  });

  test('--scale presets with per-dataset overrides; small is the tutorial size and the default', () => {
    assert.deepEqual(resolveCounts(undefined, {}), SCALES.small);
    assert.deepEqual(SCALES.small, {
      admissions: 10_000,
      claims: 25_000,
      staffing: 5_000,
      clinicians: 200,
      events: 1_000_000,
    });
    assert.deepEqual(SCALES.medium.admissions, 1_000_000);
    assert.deepEqual(SCALES.large.events, 100_000_000);
    assert.deepEqual(resolveCounts('tiny', { events: '1k', claims: undefined }), {
      ...SCALES.tiny,
      events: 1000,
    });
    assert.throws(() => resolveCounts('huge', {}), /use tiny, small, medium or large/);
  });

  test('the API refuses incoherent options with usage errors', () => {
    assert.doesNotThrow(() => validateOptions(base));
    const bad = [
      { seed: -1 },
      { seed: 1.5 },
      { counts: { ...SCALES.tiny, admissions: 0 } },
      { counts: { ...SCALES.tiny, clinicians: 0 } },
      { counts: { ...SCALES.tiny, claims: -3 } },
      { counts: { ...SCALES.tiny, staffing: 10_000_000 } },
      { counts: { ...SCALES.tiny, clinicians: 500_000 } },
      { dirtyRate: 0.7 },
      { dirtyRate: Number.NaN },
      { beds: 3 },
      { ratioLimits: { ICU: 0 } },
      { roleInactivityMinutes: { Nurse: 12.5 } },
      { roleInactivityMinutes: { Nurse: -1 } },
    ];
    for (const change of bad)
      assert.throws(() => validateOptions({ ...base, ...change }), UsageError, JSON.stringify(change));
  });
});
