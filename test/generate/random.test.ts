import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deriveStream } from '../../src/generate/random/derive-stream.js';
import { LogNormalTable } from '../../src/generate/random/log-normal-table.js';
import { Rng } from '../../src/generate/random/rng.js';
import { WeightedPicker } from '../../src/generate/random/weighted-picker.js';

const draw = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.uint32());

describe('seeded randomness', () => {
  test('the same seed and purpose give the same stream; another purpose or seed another one', () => {
    assert.deepEqual(draw(deriveStream(42, 'claims'), 20), draw(deriveStream(42, 'claims'), 20));
    assert.notDeepEqual(draw(deriveStream(42, 'claims'), 20), draw(deriveStream(42, 'staffing'), 20));
    assert.notDeepEqual(draw(deriveStream(42, 'claims'), 20), draw(deriveStream(43, 'claims'), 20));
    assert.notDeepEqual(draw(deriveStream(2 ** 40, 'x'), 5), draw(deriveStream(2 ** 40 + 1, 'x'), 5));
  });

  test('uniform, normal, exponential and Poisson draws have the right moments', () => {
    const rng = new Rng([1, 2, 3, 4]);
    const n = 100_000;
    let u = 0;
    let z = 0;
    let z2 = 0;
    let ex = 0;
    let po = 0;
    for (let i = 0; i < n; i++) {
      const f = rng.float();
      assert.ok(f >= 0 && f < 1);
      u += f;
      const g = rng.normal();
      z += g;
      z2 += g * g;
      ex += rng.exponential(3);
      po += rng.poisson(2.5);
    }
    assert.ok(Math.abs(u / n - 0.5) < 0.01);
    assert.ok(Math.abs(z / n) < 0.02 && Math.abs(z2 / n - 1) < 0.03);
    assert.ok(Math.abs(ex / n - 3) < 0.06);
    assert.ok(Math.abs(po / n - 2.5) < 0.05);
    for (let i = 0; i < 1000; i++) {
      const k = rng.between(3, 5);
      assert.ok(k >= 3 && k <= 5 && Number.isInteger(k));
    }
  });

  test('the log-normal quantile table has the median and log-scale spread it is built with', () => {
    const table = new LogNormalTable(0.7);
    const rng = deriveStream(9, 'table');
    const logs = Array.from({ length: 200_000 }, () => Math.log(table.draw(rng, 75)));
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / logs.length);
    assert.ok(Math.abs(mean - Math.log(75)) < 0.01, `log mean ${mean}`);
    assert.ok(Math.abs(sd - 0.7) < 0.01, `log sd ${sd}`);
    const sorted = logs.sort((a, b) => a - b);
    // About 2.3% of a normal lies beyond two standard deviations on each side.
    const below = sorted.findIndex((x) => x > Math.log(75) - 2 * 0.7) / sorted.length;
    assert.ok(Math.abs(below - 0.0228) < 0.003, `below -2σ: ${below}`);
  });

  test('the weighted picker follows its weights and never picks zero-weight items', () => {
    const picker = new WeightedPicker([
      ['a', 1],
      ['b', 3],
      ['never', 0],
    ]);
    const rng = new Rng([9, 9, 9, 9]);
    const counts: Record<string, number> = { a: 0, b: 0 };
    for (let i = 0; i < 40_000; i++) counts[picker.pick(rng)]!++;
    assert.equal(Object.keys(counts).length, 2);
    assert.ok(Math.abs(counts.b! / 40_000 - 0.75) < 0.01);
    assert.throws(() => new WeightedPicker([['x', 0]]));
  });
});
