import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiUrl, parseViewState, viewStateSearch, visualFilters } from '../../src/web/url-state.js';

test('view state round-trips through the query string, keys sorted, empty values dropped', () => {
  const state = parseViewState('?payer=Medicare&sel=drg_code%3A291&asOf=2026-12-01T08%3A00%3A00Z&x=');
  assert.deepEqual(state, { payer: 'Medicare', sel: 'drg_code:291', asOf: '2026-12-01T08:00:00Z' });
  assert.equal(viewStateSearch(state), '?asOf=2026-12-01T08%3A00%3A00Z&payer=Medicare&sel=drg_code%3A291');
  assert.deepEqual(parseViewState(viewStateSearch(state)), state);
  assert.equal(viewStateSearch({}), '');
});

test('a visual gets the slicers and the selection its measures allow, never its own selection', () => {
  const state = { payer: 'Medicare', sel: 'drg_code:291', selBy: 'drg-bar', clinician_role: 'Nurse' };
  assert.deepEqual(visualFilters(state, ['payer', 'drg_code'], 'cards'), ['payer=Medicare', 'drg_code=291']);
  assert.deepEqual(visualFilters(state, ['payer', 'drg_code'], 'drg-bar'), ['payer=Medicare']);
  assert.deepEqual(visualFilters(state, ['date'], 'occupancy'), [], 'occupancy allows neither');
  assert.deepEqual(
    visualFilters({ drg_code: '470', sel: 'drg_code:291' }, ['drg_code'], 'x'),
    ['drg_code=470'],
    'a slicer wins over a selection',
  );
});

test('API URLs repeat parameters and carry asOf', () => {
  assert.equal(
    apiUrl(
      '/api/query',
      { measure: ['a', 'b'], by: ['payer'], from: undefined },
      { asOf: '2026-12-01T00:00:00Z' },
    ),
    '/api/query?measure=a&measure=b&by=payer&asOf=2026-12-01T00%3A00%3A00Z',
  );
  assert.equal(apiUrl('/api/quality', {}), '/api/quality');
});
