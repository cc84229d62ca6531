import type { QueryBody } from '../api.js';
import { Visual } from '../components/Visual.js';
import { formatValue } from '../format-value.js';
import { usePage } from '../page-context.js';
import { useFetch } from '../use-fetch.js';
import { measureQueryUrl } from '../use-measure-query.js';

const TODAY_MEASURES = ['ed_volume', 'median_ed_to_admit_minutes', 'p90_boarding_minutes'];
/** How often the live view asks again; unchanged tables cost a 304. */
export const LIVE_REFRESH_MS = 10_000;

/**
 * The ED page's live "today" view: today's ED arrivals, median arrival-to-admission and boarding
 * p90 (today in the browser's zone, with the page's slicers), asked again every 10 s, so stays
 * that `carelake watch` adds appear without a reload. With "As of" it shows that day, not live.
 */
export function EdToday() {
  const page = usePage();
  const day = page.state.asOf ? page.state.asOf.slice(0, 10) : new Date().toLocaleDateString('en-CA');
  const url = measureQueryUrl(
    { ...page, state: { ...page.state, from: day, to: day } },
    'ed-today',
    TODAY_MEASURES,
  );
  const { data, error } = useFetch<QueryBody>(
    url,
    page.onSignIn,
    page.state.asOf ? undefined : LIVE_REFRESH_MS,
  );
  const row = data?.rows[0] ?? {};
  return (
    <Visual
      title={page.state.asOf ? `ED on ${day}` : 'ED today (live)'}
      measures={TODAY_MEASURES}
      csvUrl={url}
      tables={data?.tables}
      error={error}
      wide
    >
      <div class="today" data-day={day}>
        {TODAY_MEASURES.map((m) => (
          <div class="today-figure" key={m} data-measure={m} data-value={row[m] ?? ''}>
            <div class="today-value">{formatValue(row[m], page.measures[m]?.format)}</div>
            <div class="today-label">{page.measures[m]?.label ?? m}</div>
          </div>
        ))}
      </div>
      <small class="today-note">
        {day}
        {page.state.asOf ? '' : `, refreshed every ${LIVE_REFRESH_MS / 1000} s`}
        {data?.tables
          ? `; ${data.tables.map((t) => `${t.table.split('.')[2]} v${t.version}`).join(', ')}`
          : ''}
      </small>
    </Visual>
  );
}
