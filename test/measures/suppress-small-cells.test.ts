import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { suppressSmallCells } from '../../src/measures/suppress-small-cells.js';

const row = (payer: string, n: number, value = n) => ({ payer, avg_los: value, __cells_avg_los: n });

test('cells from 1–10 rows are suppressed; 0 and 11+ are shown; the counts never leave', () => {
  const { rows, suppressed } = suppressSmallCells({
    rows: [row('A', 11), row('B', 10), row('C', 1), row('D', 0, 0), row('E', 500)],
    dimensions: ['payer'],
    measures: ['avg_los'],
  });
  assert.deepEqual(
    rows.map((r) => r.avg_los),
    [11, null, null, 0, 500],
  );
  assert.deepEqual(
    suppressed.map((s) => s.row),
    [1, 2],
  );
  for (const r of rows) assert.equal('__cells_avg_los' in r, false);
});

test('complementary suppression: one small cell takes the smallest other with it', () => {
  const { rows } = suppressSmallCells({
    rows: [row('A', 40), row('B', 3), row('C', 25), row('D', 90)],
    dimensions: ['payer'],
    measures: ['avg_los'],
  });
  assert.deepEqual(
    rows.map((r) => r.avg_los),
    [40, null, null, 90],
  );
});

test('differencing: a filtered value whose left-out complement is small is suppressed', () => {
  const { rows } = suppressSmallCells({
    rows: [{ avg_los: 3.2, __cells_avg_los: 200 }],
    dimensions: [],
    measures: ['avg_los'],
    excluded: new Map([['[]', { avg_los: 4 }]]),
  });
  assert.deepEqual(rows, [{ avg_los: null }]);
});

test('property: no group along a dimension is ever left with exactly one suppressed cell among shown ones', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 12 }), (counts) => {
      const input = counts.map((n, i) => row(`P${i}`, n));
      const { rows } = suppressSmallCells({ rows: input, dimensions: ['payer'], measures: ['avg_los'] });
      const hidden = rows.filter((r) => r.avg_los === null).length;
      const shownNonEmpty = rows.filter((r, i) => r.avg_los !== null && counts[i]! > 0).length;
      for (const [i, n] of counts.entries()) if (n >= 1 && n <= 10) assert.equal(rows[i]!.avg_los, null);
      assert.ok(hidden !== 1 || shownNonEmpty === 0, `counts ${counts}`);
    }),
  );
});
