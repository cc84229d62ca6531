import { Visual } from '../components/Visual.js';
import { usePage } from '../page-context.js';
import { apiUrl } from '../url-state.js';
import { useFetch } from '../use-fetch.js';

interface QualityBody {
  tables: {
    table: string;
    rows: number | null;
    version: number;
    commitTime: string;
    expectations: { column: string; rule: string; level: string; failures: number; passed: boolean }[];
    quarantine: { reason: string; rows: number }[];
  }[];
  lastRun: { runId: string; evaluatedAt: string } | null;
}

/** Page 5: per table rows, Delta version and time, quarantine by reason, expectation results. */
export function QualityPage() {
  const { state, onSignIn } = usePage();
  const { data, error } = useFetch<QualityBody>(apiUrl('/api/quality', {}, state), onSignIn);
  const focus = state.tables?.split(',') ?? [];
  const tables = (data?.tables ?? []).filter((t) => focus.length === 0 || focus.includes(t.table));
  return (
    <Visual title="Data quality" error={error} wide>
      <p>
        Last run {data?.lastRun ? `${data.lastRun.runId} at ${data.lastRun.evaluatedAt}` : '—'}
        {focus.length > 0 && ' · showing the tables of the visual you came from'}
      </p>
      <table class="data-table quality">
        <thead>
          <tr>
            <th scope="col">Table</th>
            <th scope="col">Rows</th>
            <th scope="col">Version</th>
            <th scope="col">Committed</th>
            <th scope="col">Quarantined</th>
            <th scope="col">Expectations</th>
          </tr>
        </thead>
        <tbody>
          {tables.map((t) => {
            const failed = t.expectations.filter((e) => !e.passed);
            return (
              <tr key={t.table} data-table={t.table}>
                <td>{t.table}</td>
                <td>{t.rows ?? '—'}</td>
                <td>{t.version}</td>
                <td>{t.commitTime.replace('T', ' ').slice(0, 19)}</td>
                <td>
                  {t.quarantine.length === 0
                    ? '0'
                    : t.quarantine.map((q) => `${q.reason} ${q.rows}`).join(', ')}
                </td>
                <td
                  class={
                    failed.some((e) => e.level === 'error') ? 'bad' : failed.length > 0 ? 'warn' : 'good'
                  }
                >
                  {t.expectations.length - failed.length}/{t.expectations.length} passed
                  {failed.map((e) => ` · ${e.level} ${e.column} ${e.rule}: ${e.failures}`).join('')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Visual>
  );
}
