import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MeasureError } from '../../src/measures/measure-error.js';
import { parseByDimension } from '../../src/measures/parse-by-dimension.js';
import { parseFilter } from '../../src/measures/parse-filter.js';

test('dim=value is eq, dim=v1,v2 and dim in (v1,v2) are in; values trimmed and deduplicated', () => {
  assert.deepEqual(parseFilter('drg_code=291'), { dimension: 'drg_code', op: 'eq', values: ['291'] });
  assert.deepEqual(parseFilter('payer=Medicare,Medicaid'), {
    dimension: 'payer',
    op: 'in',
    values: ['Medicare', 'Medicaid'],
  });
  assert.deepEqual(parseFilter(' payer in (Medicare, Medicaid ,Medicare) '), {
    dimension: 'payer',
    op: 'in',
    values: ['Medicare', 'Medicaid'],
  });
  assert.deepEqual(parseFilter('PAYER IN (Self-Pay)'), {
    dimension: 'payer',
    op: 'in',
    values: ['Self-Pay'],
  });
  // Everything after the first = is the value, quotes and all: it is bound, never spliced.
  assert.deepEqual(parseFilter("unit=ICU'; DROP TABLE x; --"), {
    dimension: 'unit',
    op: 'eq',
    values: ["ICU'; DROP TABLE x; --"],
  });
});

test('malformed filters are MeasureErrors naming the text and the accepted forms', () => {
  for (const text of [
    '',
    'payer',
    '=Medicare',
    'payer=',
    'payer=a,,b',
    'payer=a,',
    'pay er=x',
    'payer in Medicare',
    'payer in ()',
    '1x=2',
  ]) {
    assert.throws(
      () => parseFilter(text),
      (e: unknown) =>
        e instanceof MeasureError &&
        e.exitCode === 2 &&
        e.problem === 'bad-filter' &&
        e.value === text &&
        e.message.includes(`"${text}"`) &&
        e.message.includes('DIM=VALUE'),
      text,
    );
  }
});

test('--by values split into dimension and grain', () => {
  assert.deepEqual(parseByDimension('payer'), { dimension: 'payer' });
  assert.deepEqual(parseByDimension('Date:Month'), { dimension: 'date', grain: 'month' });
  assert.deepEqual(parseByDimension('date:'), { dimension: 'date', grain: '' });
});
