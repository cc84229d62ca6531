import { EChart } from '../components/EChart.js';
import { Visual } from '../components/Visual.js';
import { usePage } from '../page-context.js';
import { apiUrl } from '../url-state.js';
import { useFetch } from '../use-fetch.js';
import { useDistribution, useMeasureQuery } from '../use-measure-query.js';

interface SessionRows {
  rows: {
    clinician_id: number;
    clinician_role: string;
    session_start_time: string;
    session_end_time: string;
    event_count: number;
    session_date: string;
  }[];
  tables: { table: string; version: number }[];
}

/** Page 4 (the sessionization seed): sessions per day by role, durations by role, one clinician's day. */
export function SessionsPage() {
  const { state, update, onSignIn } = usePage();
  const perDay = useMeasureQuery('sessions-line', ['sessions'], ['date:day', 'clinician_role']);
  const durations = useDistribution('sessions-hist', 'session_minutes', ['clinician_role'], 'clinician_role');
  const rows = perDay.data?.rows ?? [];
  const days = [...new Set(rows.map((r) => String(r.date)))].sort();
  const roles = [...new Set(rows.map((r) => String(r.clinician_role)))].sort();
  const bins = durations.data?.bins ?? [];
  const edges = [...new Set(bins.map((b) => b.lo))].sort((a, b) => a - b);
  const pick = useFetch<SessionRows>(
    apiUrl('/api/tables/clinician_emr_sessions/rows', { limit: '1', sort: 'session_date:desc' }, state),
    onSignIn,
  );
  const clinician =
    state.clinician ?? (pick.data?.rows[0] ? String(pick.data.rows[0].clinician_id) : undefined);
  const day = state.day ?? pick.data?.rows[0]?.session_date;
  const timelineUrl =
    clinician && day
      ? apiUrl(
          '/api/tables/clinician_emr_sessions/rows',
          {
            where: [`clinician_id=${clinician}`, `session_date=${day}`],
            sort: 'session_start_time',
            limit: '200',
          },
          state,
        )
      : undefined;
  const timeline = useFetch<SessionRows>(timelineUrl, onSignIn);
  const sessions = timeline.data?.rows ?? [];
  return (
    <>
      <Visual
        title="Sessions per day by role"
        measures={['sessions']}
        csvUrl={perDay.url}
        tables={perDay.data?.tables}
        error={perDay.error}
        wide
      >
        <EChart
          label="Line chart: EMR sessions per day for each clinician role"
          option={{
            tooltip: { trigger: 'axis' },
            legend: { bottom: 0 },
            grid: { left: 50, right: 10, bottom: 50 },
            xAxis: { type: 'category', data: days },
            yAxis: { type: 'value', name: 'sessions' },
            series: roles.map((role) => ({
              type: 'line',
              name: role,
              showSymbol: days.length < 40,
              data: days.map(
                (d) => rows.find((r) => String(r.date) === d && r.clinician_role === role)?.sessions ?? 0,
              ),
            })),
          }}
          onItemClick={() => undefined}
        />
      </Visual>
      <Visual
        title="Session duration by role (minutes)"
        csvUrl={durations.url}
        tables={durations.data?.tables}
        error={durations.error}
      >
        <EChart
          label="Stacked histogram of session minutes per clinician role, 5 minute bins"
          option={{
            tooltip: { trigger: 'axis' },
            legend: { bottom: 0 },
            grid: { left: 50, right: 10, bottom: 50 },
            xAxis: { type: 'category', data: edges.map((e) => String(e)) },
            yAxis: { type: 'value', name: 'sessions' },
            series: [...new Set(bins.map((b) => String(b.group)))].map((g) => ({
              type: 'bar',
              stack: 'role',
              name: g,
              data: edges.map((e) => bins.find((b) => b.lo === e && String(b.group) === g)?.count ?? 0),
            })),
          }}
          onItemClick={() => undefined}
        />
      </Visual>
      <Visual
        title={`Clinician ${clinician ?? '…'} on ${day ?? '…'}`}
        csvUrl={timelineUrl}
        tables={timeline.data?.tables}
        error={timeline.error ?? pick.error}
      >
        <div class="pickers">
          <label>
            Clinician id{' '}
            <input
              aria-label="Clinician id"
              value={clinician ?? ''}
              onChange={(e) => update({ clinician: (e.target as HTMLInputElement).value || undefined })}
            />
          </label>
          <label>
            Day{' '}
            <input
              type="date"
              aria-label="Day"
              value={day ?? ''}
              onChange={(e) => update({ day: (e.target as HTMLInputElement).value || undefined })}
            />
          </label>
        </div>
        <EChart
          label="Timeline: the clinician's sessions that day, with their event counts"
          height={200}
          option={{
            tooltip: {
              formatter: (p: { data: { value: [string, string, number] } }) => `${p.data.value[2]} events`,
            },
            grid: { left: 50, right: 20, bottom: 40 },
            xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
            yAxis: { type: 'value', name: 'events' },
            series: [
              {
                type: 'bar',
                name: 'Events per session',
                data: sessions.map((s) => ({ value: [s.session_start_time, s.event_count, s.event_count] })),
                barMaxWidth: 20,
              },
            ],
          }}
        />
        <ol class="sessions">
          {sessions.map((s) => (
            <li key={s.session_start_time}>
              {s.session_start_time.slice(11, 16)}–{s.session_end_time.slice(11, 16)} UTC · {s.event_count}{' '}
              events
            </li>
          ))}
        </ol>
      </Visual>
    </>
  );
}
