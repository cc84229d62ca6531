import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeTable } from '../../src/delta/write-table.js';
import { readLake } from '../../src/lakehouse/read-lake.js';
import { evaluateExpectations } from '../../src/pipeline/quality/evaluate-expectations.js';
import { exposeLatest, lakeTable, prepareCatalogs, type RunContext } from '../../src/pipeline/run-context.js';
import { emptyRunSummary } from '../../src/pipeline/run-summary.js';
import { openTestEngine } from '../helpers/open-test-engine.js';
import { makePipelineLake } from '../helpers/pipeline-lake.js';

// Ids with two extra copies of 'b', one of 'c', two NULLs: 2 + 1 + 2 = 5 breaches of uniqueness,
// exactly count(*) - count(DISTINCT id), the definition the hashed grouping must keep.
const ROWS = `SELECT * FROM (VALUES ('a', 1), ('b', NULL), ('b', 3), ('b', 4), ('c', 5), ('c', 6), (NULL, 7), (NULL, 8), ('d', -1)) AS t(id, amount)`;

test('each rule counts its breaches exactly; unique counts NULLs and every extra copy', async () => {
  const lake = await readLake(await makePipelineLake({}));
  const engine = await openTestEngine();
  const ctx: RunContext = {
    engine,
    lake,
    batchId: 'test',
    startedAt: new Date('2025-01-01T00:00:00Z'),
    fullRefresh: false,
    summary: emptyRunSummary(),
    log: () => undefined,
  };
  await prepareCatalogs(ctx);
  await writeTable(lakeTable(ctx, 'lh_gold', 'rules'), engine.writer, {
    source: { kind: 'query', sql: ROWS },
  });
  await exposeLatest(ctx, 'lh_gold', 'rules');
  const [expected] = await engine.db.readRows(
    'SELECT count(*) - count(DISTINCT id) AS n FROM lh_gold.dbo.rules',
  );
  const errors = await evaluateExpectations(ctx, 'lh_gold', 'rules', [
    { column: 'id', rule: 'unique', level: 'error' },
    { column: 'amount', rule: 'not_null', level: 'error' },
    { column: 'amount', rule: 'range', min: 0, max: 6, level: 'warn' },
    { column: 'id', rule: 'accepted_values', values: ['a', 'b', 'c'], level: 'warn' },
    { column: 'amount', rule: 'row', sql: 'amount < 8', level: 'error' },
    { column: 'amount', rule: 'unique', level: 'warn' },
  ]);
  assert.deepEqual(
    ctx.summary.expectations.map((e) => [e.rule, e.column, e.failures]),
    [
      ['unique', 'id', Number(expected!.n)],
      ['not_null', 'amount', 1],
      ['range', 'amount', 3],
      ['accepted_values', 'id', 1],
      ['row', 'amount', 1],
      ['unique', 'amount', 1],
    ],
  );
  assert.equal(Number(expected!.n), 5);
  assert.equal(errors, 3);
  // A big table is checked in slices of the hash space: the same count with 2 rows per slice.
  await evaluateExpectations(ctx, 'lh_gold', 'rules', [{ column: 'id', rule: 'unique', level: 'error' }], {
    rowsPerSlice: 2,
  });
  assert.equal(ctx.summary.expectations.at(-1)!.failures, 5);
});
