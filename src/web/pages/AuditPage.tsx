import { Visual } from '../components/Visual.js';
import { usePage } from '../page-context.js';
import { apiUrl } from '../url-state.js';
import { useFetch } from '../use-fetch.js';

interface AuditBody {
  entries: {
    accessed_at: string;
    principal: string;
    role: string;
    client: string;
    route: string;
    request: string;
    rows_returned: number;
    status: number;
    outcome: string;
  }[];
}

/** Page 6 (admins): who read what, newest first, filterable by user and table. */
export function AuditPage() {
  const { state, update, onSignIn } = usePage();
  const url = apiUrl('/api/audit', { user: state.user, table: state.table, limit: '200' });
  const { data, error } = useFetch<AuditBody>(url, onSignIn);
  return (
    <Visual title="Audit log" error={error} wide>
      <div class="pickers">
        <label>
          User{' '}
          <input
            aria-label="User"
            value={state.user ?? ''}
            onChange={(e) => update({ user: (e.target as HTMLInputElement).value || undefined })}
          />
        </label>
        <label>
          Table{' '}
          <input
            aria-label="Table"
            value={state.table ?? ''}
            onChange={(e) => update({ table: (e.target as HTMLInputElement).value || undefined })}
          />
        </label>
      </div>
      <table class="data-table">
        <thead>
          <tr>
            {['When', 'Who', 'Role', 'From', 'Request', 'Rows', 'Status', 'Outcome'].map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(data?.entries ?? []).map((e, i) => (
            <tr key={i}>
              <td>{String(e.accessed_at).replace('T', ' ').slice(0, 19)}</td>
              <td>{e.principal}</td>
              <td>{e.role}</td>
              <td>{e.client}</td>
              <td>{e.request}</td>
              <td>{e.rows_returned}</td>
              <td>{e.status}</td>
              <td class={e.outcome === 'allowed' ? 'good' : 'bad'}>{e.outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Visual>
  );
}
