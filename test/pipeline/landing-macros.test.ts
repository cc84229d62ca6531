import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readMacros } from '../../src/pipeline/read-model.js';
import { openTestEngine } from '../helpers/open-test-engine.js';

async function engineWithMacros() {
  const engine = await openTestEngine();
  for (const sql of readMacros()) await engine.db.run(sql);
  return engine;
}

test("clean_text equals nullif(trim(x), '') for every kind of blank, and skips trim only where it changes nothing", async () => {
  const engine = await engineWithMacros();
  // Every code point trim() strips (ASCII space and the Unicode space separators) at either end,
  // inside, alone, plus tabs and newlines (which trim keeps) and plain ids.
  const rows = await engine.db.readRows(
    `WITH blanks AS (SELECT chr(c::INTEGER) AS b FROM (VALUES (32), (160), (5760), (8192), (8202), (8239), (8287), (12288), (9), (10)) AS t(c)),
     samples AS (
       SELECT b || 'EVT1' AS s FROM blanks UNION ALL SELECT 'EVT1' || b FROM blanks
       UNION ALL SELECT 'E' || b || '1' FROM blanks UNION ALL SELECT b FROM blanks UNION ALL SELECT b || b FROM blanks
       UNION ALL SELECT s FROM (VALUES (''), ('EVT0000000001'), ('é1'), (' é '), ('x'), (NULL)) AS v(s)
     )
     SELECT count(*) AS n, count(*) FILTER (WHERE clean_text(s) IS DISTINCT FROM nullif(trim(s), '')) AS differ FROM samples`,
  );
  assert.deepEqual(rows, [{ n: '56', differ: '0' }]);
});

test('typed landing values go through the macros unchanged, and a naive timestamp is read in the zone as naive text is', async () => {
  const engine = await engineWithMacros();
  const [row] = await engine.db.readRows(
    `SELECT
       parse_timestamp('2025-03-09 01:30:00', 'America/New_York') = parse_timestamp(TIMESTAMP '2025-03-09 01:30:00', 'America/New_York') AS naive_same,
       parse_timestamp('2025-03-09T06:30:00Z', 'America/New_York') = parse_timestamp(TIMESTAMPTZ '2025-03-09 06:30:00+00', 'America/New_York') AS instant_same,
       parse_timestamp(TIMESTAMP '2025-03-09 01:30:00', 'America/New_York') = TIMESTAMPTZ '2025-03-09 06:30:00+00' AS naive_in_zone,
       parse_boolean('yes') = parse_boolean(true) AND parse_boolean('0') = parse_boolean(false) AS booleans_same,
       parse_date('2025-01-31 00:00:00') = parse_date(DATE '2025-01-31') AS dates_same,
       clean_text(42) = 42 AND clean_text(DATE '2025-01-31') = DATE '2025-01-31' AS typed_pass_through,
       parse_timestamp('2025-02-30 10:00:00', 'UTC') IS NULL AND parse_date('31/01/2025') IS NULL AS text_still_checked`,
  );
  assert.deepEqual(row, {
    naive_same: true,
    instant_same: true,
    naive_in_zone: true,
    booleans_same: true,
    dates_same: true,
    typed_pass_through: true,
    text_still_checked: true,
  });
});
