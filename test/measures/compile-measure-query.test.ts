import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listDimensions, listMeasures } from '../../src/measures/catalog.js';
import { checkIsoDate } from '../../src/measures/check-iso-date.js';
import { compileMeasureQuery } from '../../src/measures/compile-measure-query.js';
import { DIMENSION_NAMES } from '../../src/measures/dimensions.js';
import { MeasureError, type MeasureProblem } from '../../src/measures/measure-error.js';
import type { MeasureRequest } from '../../src/measures/measure-types.js';
import { SOURCE_TABLES } from '../../src/measures/source-tables.js';

function rejects(request: MeasureRequest, problem: MeasureProblem, ...mentions: string[]): void {
  assert.throws(
    () => compileMeasureQuery(request),
    (e: unknown) => {
      assert.ok(e instanceof MeasureError, String(e));
      assert.equal(e.exitCode, 2);
      assert.equal(e.problem, problem);
      for (const m of mentions) assert.ok(e.message.includes(m), `${e.message} should mention ${m}`);
      return true;
    },
  );
}

test('the catalog is consistent: unique names, mapped dimensions, date only with a date column, tables listed', () => {
  const names = listMeasures().map((m) => m.name);
  assert.equal(new Set(names).size, names.length);
  for (const m of listMeasures()) {
    const mapped = SOURCE_TABLES[m.table];
    assert.ok(mapped, `${m.name}: ${m.table} is a source table`);
    for (const d of m.dimensions) {
      if (d === 'date') assert.ok(m.dateColumn, `${m.name} allows date, so it has a date column`);
      else assert.ok(mapped[d], `${m.name}: ${d} is mapped for ${m.table}`);
    }
    assert.equal(m.dimensions.includes('date'), m.dateColumn !== undefined, m.name);
    assert.deepEqual(m.tables, [m.table, ...(m.lookups ?? []).map((l) => l.table)]);
    assert.match(m.table, /^lh_(silver|gold)\.dbo\.\w+$/);
  }
  const benchmarks = Object.fromEntries(
    listMeasures()
      .filter((m) => m.benchmark)
      .map((m) => [m.name, m.benchmark]),
  );
  assert.deepEqual(Object.keys(benchmarks).sort(), [
    'case_mix_index',
    'denial_rate',
    'median_ed_to_admit_minutes',
    'occupancy_pct',
    'readmission_rate',
  ]);
  assert.deepEqual({ ...benchmarks.occupancy_pct, note: '' }, { kind: 'range', low: 75, high: 85, note: '' });
  assert.deepEqual(listDimensions().find((d) => d.name === 'risk_tier')?.measures, [
    'high_risk_share',
    'scored_encounters',
  ]);
});

test('values are bound parameters, never in the SQL text; identifiers are quoted', () => {
  const q = compileMeasureQuery({
    measures: ['readmission_rate'],
    by: [{ dimension: 'date', grain: 'month' }, { dimension: 'payer' }],
    filters: [
      { dimension: 'payer', op: 'in', values: ["Medicare'; DROP TABLE x; --", 'Medicaid'] },
      { dimension: 'drg_code', op: 'eq', values: ['291'] },
    ],
    from: '2025-01-01',
    to: '2025-03-31',
  });
  assert.deepEqual(q.params, {
    f0_0: "Medicare'; DROP TABLE x; --",
    f0_1: 'Medicaid',
    f1_0: '291',
    from: '2025-01-01',
    to: '2025-03-31',
  });
  for (const v of ['DROP', 'Medicaid', '291', '2025-01-01']) assert.ok(!q.sql.includes(v), v);
  assert.match(q.sql, /"lh_silver"\."dbo"\."silver_healthcare_encounters" AS s/);
  assert.match(q.sql, /s\."payer" IN \(\$f0_0, \$f0_1\)/);
  assert.match(q.sql, /date_trunc\('month', s\."discharge_date"\)/);
  assert.deepEqual(q.tables, ['lh_silver.dbo.silver_healthcare_encounters']);
  assert.deepEqual(q.columns, [
    { name: 'date', role: 'dimension', dimension: 'date', grain: 'month' },
    { name: 'payer', role: 'dimension', dimension: 'payer' },
    {
      name: 'readmission_rate',
      role: 'measure',
      measure: 'readmission_rate',
      label: '30-day readmission rate',
      format: 'percent',
    },
  ]);
});

test('the claims payer is the encounter payer; timestamp dates bind the time zone; lookups are listed', () => {
  const claims = compileMeasureQuery({
    measures: ['denial_rate'],
    filters: [{ dimension: 'payer', op: 'eq', values: ['X'] }],
  });
  assert.match(claims.sql, /s\."encounter_payer" IN \(\$f0_0\)/);
  assert.equal(claims.params.time_zone, undefined);
  const ed = compileMeasureQuery({
    measures: ['ed_volume'],
    by: [{ dimension: 'date' }],
    timeZone: 'America/New_York',
  });
  assert.equal(ed.params.time_zone, 'America/New_York');
  assert.match(ed.sql, /timezone\(\$time_zone, s\."ed_arrival_dt"\)/);
  const cmi = compileMeasureQuery({ measures: ['case_mix_index', 'avg_los'] });
  assert.deepEqual(cmi.tables, [
    'lh_silver.dbo.ref_ms_drg_weights',
    'lh_silver.dbo.silver_healthcare_encounters',
  ]);
  assert.match(cmi.sql, /CROSS JOIN/);
});

test('unknown measures and dimensions name the bad value and list the allowed ones', () => {
  rejects(
    { measures: ['readmit'] },
    'unknown-measure',
    '"readmit"',
    'readmission_rate',
    'median_session_minutes',
  );
  rejects({ measures: [] }, 'bad-request', 'at least one', 'avg_los');
  rejects({ measures: ['avg_los', 'avg_los'] }, 'bad-request', 'avg_los');
  rejects(
    { measures: ['avg_los'], by: [{ dimension: 'ward' }] },
    'unknown-dimension',
    '"ward"',
    ...DIMENSION_NAMES,
  );
  rejects(
    { measures: ['avg_los'], filters: [{ dimension: 'colour', op: 'eq', values: ['x'] }] },
    'unknown-dimension',
    '"colour"',
  );
});

test('a dimension a measure does not allow is refused, naming the measure and its dimensions', () => {
  rejects(
    { measures: ['occupancy_pct'], by: [{ dimension: 'payer' }] },
    'dimension-not-allowed',
    'occupancy_pct',
    'payer',
    'allowed: date',
  );
  rejects(
    { measures: ['avg_los', 'sessions'], by: [{ dimension: 'clinician_role' }] },
    'dimension-not-allowed',
    'avg_los',
    'clinician_role',
  );
  rejects(
    { measures: ['denial_rate'], filters: [{ dimension: 'unit', op: 'eq', values: ['ICU'] }] },
    'dimension-not-allowed',
    'denial_rate',
    'allowed: date, payer',
  );
  rejects(
    { measures: ['high_risk_share'], by: [{ dimension: 'date' }] },
    'dimension-not-allowed',
    'no date column',
    'risk_tier',
  );
  rejects({ measures: ['high_risk_share'], from: '2025-01-01' }, 'dimension-not-allowed', 'high_risk_share');
});

test('grains, dates and filters are checked', () => {
  rejects(
    { measures: ['sessions'], by: [{ dimension: 'date', grain: 'year' }] },
    'bad-grain',
    '"year"',
    'day, week, month',
  );
  rejects(
    { measures: ['avg_los'], by: [{ dimension: 'payer', grain: 'month' }] },
    'bad-grain',
    'payer:month',
  );
  rejects(
    { measures: ['avg_los'], by: [{ dimension: 'payer' }, { dimension: 'payer' }] },
    'bad-request',
    'payer',
  );
  for (const bad of ['2025-02-30', '2025-2-01', 'yesterday', '2025-13-01', '20250201'])
    rejects({ measures: ['avg_los'], from: bad }, 'bad-date', `"${bad}"`, 'YYYY-MM-DD');
  rejects(
    { measures: ['avg_los'], from: '2025-03-01', to: '2025-02-01' },
    'bad-date',
    '2025-03-01',
    '2025-02-01',
  );
  rejects(
    { measures: ['avg_los'], filters: [{ dimension: 'date', op: 'eq', values: ['2025-01-01'] }] },
    'bad-filter',
    'from',
  );
  rejects(
    { measures: ['avg_los'], filters: [{ dimension: 'payer', op: 'in', values: [] }] },
    'bad-filter',
    'payer',
  );
  rejects(
    { measures: ['avg_los'], filters: [{ dimension: 'payer', op: 'eq', values: ['a', 'b'] }] },
    'bad-filter',
    'exactly one',
  );
  assert.equal(checkIsoDate('2024-02-29', 'from'), '2024-02-29');
});
