import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AddFile } from '../../src/delta/actions.js';
import { writeTable } from '../../src/delta/write-table.js';
import { readLake } from '../../src/lakehouse/read-lake.js';
import { evaluateAppendedExpectations } from '../../src/pipeline/quality/evaluate-appended-expectations.js';
import { evaluateExpectations } from '../../src/pipeline/quality/evaluate-expectations.js';
import type { Expectation } from '../../src/pipeline/read-model.js';
import { exposeLatest, lakeTable, prepareCatalogs, type RunContext } from '../../src/pipeline/run-context.js';
import { emptyRunSummary } from '../../src/pipeline/run-summary.js';
import { openTestEngine } from '../helpers/open-test-engine.js';
import { makePipelineLake } from '../helpers/pipeline-lake.js';

// Ids with two extra copies of 'b', one of 'c', two NULLs: 2 + 1 + 2 = 5 breaches of uniqueness,
// exactly count(*) - count(DISTINCT id), the definition the hashed grouping must keep.
const ROWS = `SELECT * FROM (VALUES ('a', 1), ('b', NULL), ('b', 3), ('b', 4), ('c', 5), ('c', 6), (NULL, 7), (NULL, 8), ('d', -1)) AS t(id, amount)`;

/** The file with the fewest rows (a rewrite of it keeps most of the table). */
function smallest(files: readonly AddFile[]): AddFile {
  const rows = (f: AddFile) => (JSON.parse(f.stats ?? '{}') as { numRecords: number }).numRecords;
  return [...files].sort((a, b) => rows(a) - rows(b))[0]!;
}

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

test('a table that gained or lost files is checked over those files alone, with the totals of a full check', async () => {
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
  const rules: Expectation[] = [
    { column: 'id', rule: 'unique', level: 'error' },
    { column: 'amount', rule: 'not_null', level: 'error' },
    { column: 'amount', rule: 'range', min: 0, max: 6, level: 'warn' },
    { column: 'id', rule: 'accepted_values', values: ['a', 'b', 'c'], level: 'warn' },
    { column: 'amount', rule: 'row', sql: 'amount < 8', level: 'error' },
  ];
  const table = lakeTable(ctx, 'lh_gold', 'appended');
  await writeTable(table, engine.writer, { source: { kind: 'query', sql: ROWS } });
  let snapshot = (await exposeLatest(ctx, 'lh_gold', 'appended'))!;
  await evaluateExpectations(ctx, 'lh_gold', 'appended', rules);
  let prior = {
    version: snapshot.version,
    results: ctx.summary.expectations.splice(0),
    files: new Set(snapshot.files.map((f) => f.path)),
  };
  // Appends: a value already there twice ('b'), a new value repeated ('e'), NULL ids, a new 'a'.
  for (const sql of [
    "SELECT * FROM (VALUES ('b', 9), ('e', 2), ('e', NULL), (NULL, 1)) AS t(id, amount)",
    "SELECT * FROM (VALUES ('a', 3), ('f', 4), ('e', 5), (NULL, NULL)) AS t(id, amount)",
  ]) {
    await writeTable(table, engine.writer, { source: { kind: 'query', sql } });
    snapshot = (await exposeLatest(ctx, 'lh_gold', 'appended'))!;
    const appendedErrors = await evaluateAppendedExpectations(
      ctx,
      'lh_gold',
      'appended',
      rules,
      prior,
      snapshot,
    );
    assert.notEqual(appendedErrors, undefined, 'appends are checked incrementally');
    const incremental = ctx.summary.expectations.splice(0);
    await exposeLatest(ctx, 'lh_gold', 'appended');
    const fullErrors = await evaluateExpectations(ctx, 'lh_gold', 'appended', rules);
    const full = ctx.summary.expectations.splice(0);
    assert.deepEqual(incremental, full);
    assert.equal(appendedErrors, fullErrors);
    prior = { version: snapshot.version, results: full, files: new Set(snapshot.files.map((f) => f.path)) };
  }
  const [n] = await engine.db.readRows('SELECT count(*) - count(DISTINCT id) AS n FROM lh_gold.dbo.appended');
  assert.equal(prior.results[0]!.failures, Number(n!.n));
  // File-level rewrites (one file replaced by other rows: values kept elsewhere, values only the
  // removed file had, NULLs), then a whole overwrite: checked over the changed files too.
  const rewrites: { sql: string; remove: (files: readonly AddFile[]) => AddFile[] }[] = [
    {
      sql: "SELECT * FROM (VALUES ('b', 1), ('z', 2), (NULL, 3)) AS t(id, amount)",
      remove: (f) => [smallest(f)],
    },
    {
      sql: "SELECT * FROM (VALUES ('e', 1), ('e', 7), ('a', NULL)) AS t(id, amount)",
      remove: (f) => [smallest(f)],
    },
  ];
  for (const rewrite of rewrites) {
    await writeTable(table, engine.writer, {
      source: { kind: 'query', sql: rewrite.sql },
      mode: 'overwrite',
      replaceFiles: rewrite.remove(snapshot.files).map((f) => f.path),
    });
    snapshot = (await exposeLatest(ctx, 'lh_gold', 'appended'))!;
    const changedErrors = await evaluateAppendedExpectations(
      ctx,
      'lh_gold',
      'appended',
      rules,
      prior,
      snapshot,
    );
    assert.notEqual(changedErrors, undefined, 'rewrites are checked incrementally');
    const incremental = ctx.summary.expectations.splice(0);
    await exposeLatest(ctx, 'lh_gold', 'appended');
    const fullErrors = await evaluateExpectations(ctx, 'lh_gold', 'appended', rules);
    const full = ctx.summary.expectations.splice(0);
    assert.deepEqual(incremental, full);
    assert.equal(changedErrors, fullErrors);
    prior = { version: snapshot.version, results: full, files: new Set(snapshot.files.map((f) => f.path)) };
  }
  // A table rewritten whole, results from a version whose log is gone, rules that changed: the
  // whole table is checked.
  await writeTable(table, engine.writer, { source: { kind: 'query', sql: ROWS }, mode: 'overwrite' });
  snapshot = (await exposeLatest(ctx, 'lh_gold', 'appended'))!;
  assert.equal(
    await evaluateAppendedExpectations(ctx, 'lh_gold', 'appended', rules, prior, snapshot),
    undefined,
  );
  assert.equal(
    await evaluateAppendedExpectations(
      ctx,
      'lh_gold',
      'appended',
      rules,
      { ...prior, version: 999 },
      snapshot,
    ),
    undefined,
  );
  assert.equal(
    await evaluateAppendedExpectations(ctx, 'lh_gold', 'appended', rules.slice(1), prior, snapshot),
    undefined,
  );
});
