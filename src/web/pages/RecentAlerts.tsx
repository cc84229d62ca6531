import { Visual } from '../components/Visual.js';
import { usePage } from '../page-context.js';
import { apiUrl } from '../url-state.js';
import { useFetch } from '../use-fetch.js';
import { LIVE_REFRESH_MS } from './EdToday.js';

interface AlertRow {
  alert_id: string;
  rule: string;
  severity: string;
  alert_key: string;
  fired_at: string;
  message: string;
}

interface RowsBody {
  rows: AlertRow[];
  total: number;
  tables: { table: string; version: number }[];
}

interface TablesBody {
  tables: { table: string }[];
}

const ALERT_EVENTS = 'lh_gold.dbo.alert_events';
const SHOWN = 10;

/**
 * The latest alerts of `lh_gold.dbo.alert_events` (rules with a `delta` destination), newest
 * first, asked again every 10 s like the live ED view, so what a watch batch fires shows up
 * without a reload. The table list says first whether the table is there for this user (it is
 * created by the first alert, and viewers may not read row-level tables), so the page never asks
 * for a table that would answer 404 or 403.
 */
export function RecentAlerts() {
  const page = usePage();
  const live = page.state.asOf ? undefined : LIVE_REFRESH_MS;
  const list = useFetch<TablesBody>(apiUrl('/api/tables', {}, page.state), page.onSignIn, live);
  const readable = list.data?.tables.some((t) => t.table === ALERT_EVENTS);
  const url = readable
    ? apiUrl('/api/tables/alert_events/rows', { sort: 'fired_at:desc', limit: String(SHOWN) }, page.state)
    : undefined;
  const { data, error } = useFetch<RowsBody>(url, page.onSignIn, live);
  const rows = readable ? (data?.rows ?? []) : [];
  return (
    <Visual
      title={page.state.asOf ? 'Alerts until then' : 'Alerts (live)'}
      csvUrl={url}
      tables={readable ? data?.tables : undefined}
      error={list.error ?? (readable ? error : undefined)}
      wide
    >
      {list.data && !readable ? (
        <p class="alerts-none">
          No alert you may read has been recorded: rules with a "delta" destination record theirs here, for
          analysts and admins (alerts are row-level data).
        </p>
      ) : readable && data && rows.length === 0 ? (
        <p class="alerts-none">No alert has fired.</p>
      ) : (
        <ol class="alerts">
          {rows.map((a) => (
            <li
              key={a.alert_id}
              class={`alert alert-${a.severity}`}
              data-rule={a.rule}
              data-key={a.alert_key}
            >
              <span class="alert-severity">{a.severity}</span>
              <time dateTime={a.fired_at}>{new Date(a.fired_at).toLocaleString()}</time>
              <span class="alert-message">{a.message}</span>
            </li>
          ))}
        </ol>
      )}
      {readable && data && data.total > SHOWN && (
        <small class="today-note">
          {SHOWN} of {data.total}; all of them in the SQL console (lh_gold.dbo.alert_events)
        </small>
      )}
    </Visual>
  );
}
