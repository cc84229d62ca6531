import type { QueryBody } from './api.js';
import { type PageContextValue, usePage } from './page-context.js';
import { apiUrl, visualFilters } from './url-state.js';
import { useFetch } from './use-fetch.js';

/**
 * A visual's measure query: the page's slicers and cross-filter (those its measures allow), its
 * date range, asOf. `visual` names the visual, so its own selection does not filter it.
 *
 * @example
 * const q = useMeasureQuery('drg-bar', ['readmission_rate', 'encounters'], ['drg_code']);
 */
export function useMeasureQuery(visual: string, measures: readonly string[], by: readonly string[] = []) {
  const page = usePage();
  const url = measureQueryUrl(page, visual, measures, by);
  return { url, ...useFetch<QueryBody>(url, page.onSignIn) };
}

/**
 * The URL of a visual's measure query (undefined until the catalog is loaded).
 *
 * @example
 * measureQueryUrl(usePage(), 'cards', ['avg_los']);
 */
export function measureQueryUrl(
  page: PageContextValue,
  visual: string,
  measures: readonly string[],
  by: readonly string[] = [],
): string | undefined {
  const allowed = measures
    .map((m) => page.measures[m]?.dimensions ?? [])
    .reduce<string[]>((acc, dims, i) => (i === 0 ? [...dims] : acc.filter((d) => dims.includes(d))), []);
  const dated = allowed.includes('date');
  if (Object.keys(page.measures).length === 0) return undefined;
  return apiUrl(
    '/api/query',
    {
      measure: measures,
      by,
      where: visualFilters(page.state, allowed, visual),
      from: dated ? page.state.from : undefined,
      to: dated ? page.state.to : undefined,
    },
    page.state,
  );
}

/**
 * A visual's histogram query, filtered like measures.
 *
 * @example
 * const h = useDistribution('ed-hist', 'ed_to_admit_minutes', ['payer', 'drg_code']);
 */
export function useDistribution(visual: string, name: string, allowed: readonly string[], by?: string) {
  const page = usePage();
  const url = apiUrl(
    `/api/distributions/${name}`,
    { by, where: visualFilters(page.state, allowed, visual), from: page.state.from, to: page.state.to },
    page.state,
  );
  return {
    url,
    ...useFetch<{
      bins: { lo: number; hi: number | null; count: number; group?: string }[];
      tables: { table: string; version: number }[];
    }>(url, page.onSignIn),
  };
}
