/**
 * The dashboard's state lives in the URL (so a link or a reload reproduces a view): slicers
 * (`payer=Medicare`), the cross-filter selection (`sel=drg_code:291`), the date range, `asOf`,
 * table sort and page. Pure: strings in, strings out, no DOM.
 */
export type ViewState = Record<string, string>;

/** The state in a query string. @example parseViewState('?payer=Medicare') // { payer: 'Medicare' } */
export function parseViewState(search: string): ViewState {
  const out: ViewState = {};
  for (const [k, v] of new URLSearchParams(search)) if (v !== '') out[k] = v;
  return out;
}

/** The query string of a state, keys sorted. @example viewStateSearch({ payer: 'Medicare' }) // '?payer=Medicare' */
export function viewStateSearch(state: ViewState): string {
  const params = new URLSearchParams();
  for (const k of Object.keys(state).sort())
    if (state[k] !== undefined && state[k] !== '') params.set(k, state[k]!);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The dimensions slicers and selections may set. */
export const FILTER_DIMENSIONS = [
  'payer',
  'drg_code',
  'disposition',
  'unit',
  'admit_type',
  'risk_tier',
  'clinician_role',
] as const;

/**
 * The `where` filters a visual gets: every slicer, plus the cross-filter selection unless the
 * visual is the one that made it, kept to the dimensions the visual's measures allow.
 *
 * @example
 * visualFilters({ payer: 'Medicare', sel: 'drg_code:291' }, ['payer', 'drg_code'], 'other'); // ['payer=Medicare', 'drg_code=291']
 */
export function visualFilters(state: ViewState, allowed: readonly string[], visual: string): string[] {
  const out: string[] = [];
  for (const d of FILTER_DIMENSIONS) if (state[d] && allowed.includes(d)) out.push(`${d}=${state[d]}`);
  const sel = state.sel;
  if (sel && state.selBy !== visual) {
    const at = sel.indexOf(':');
    const dim = sel.slice(0, at);
    if (allowed.includes(dim) && !state[dim]) out.push(`${dim}=${sel.slice(at + 1)}`);
  }
  return out;
}

/**
 * An API URL with repeated parameters and the page's date range and asOf.
 *
 * @example
 * apiUrl('/api/query', { measure: ['avg_los'], by: ['payer'] }, { asOf: '2026-12-01T00:00:00Z' });
 */
export function apiUrl(
  path: string,
  params: Record<string, string | readonly string[] | undefined>,
  state: ViewState = {},
): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    for (const one of typeof v === 'string' ? [v] : v) q.append(k, one);
  }
  if (state.asOf) q.set('asOf', state.asOf);
  const text = q.toString();
  return text ? `${path}?${text}` : path;
}
