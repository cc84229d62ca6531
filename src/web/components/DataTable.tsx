import { usePage } from '../page-context.js';
import { apiUrl } from '../url-state.js';
import { useFetch } from '../use-fetch.js';
import { Visual } from './Visual.js';

interface RowsBody {
  columns: { name: string }[];
  rows: Record<string, unknown>[];
  total: number;
  tables: { table: string; version: number }[];
}

/**
 * A sortable, paged table over a table's rows (server-side sort and paging), filtered by
 * `where`; sort and page live in the URL under `prefix`.
 */
export function DataTable(props: {
  title: string;
  table: string;
  columns: readonly string[];
  where: readonly string[];
  defaultSort: string;
  prefix: string;
  pageSize?: number;
}) {
  const { state, update, onSignIn } = usePage();
  const sort = state[`${props.prefix}Sort`] ?? props.defaultSort;
  const page = Number(state[`${props.prefix}Page`] ?? 0);
  const size = props.pageSize ?? 25;
  const url = apiUrl(
    `/api/tables/${props.table}/rows`,
    { where: props.where, sort, limit: String(size), offset: String(page * size) },
    state,
  );
  const { data, error } = useFetch<RowsBody>(url, onSignIn);
  const [sortColumn, dir] = sort.split(':');
  const pages = data ? Math.max(1, Math.ceil(data.total / size)) : 1;
  return (
    <Visual title={props.title} csvUrl={url} tables={data?.tables} error={error} wide>
      <table class="data-table">
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th
                key={c}
                scope="col"
                aria-sort={c === sortColumn ? (dir === 'desc' ? 'descending' : 'ascending') : 'none'}
              >
                <button
                  type="button"
                  onClick={() =>
                    update({
                      [`${props.prefix}Sort`]: c === sortColumn && dir !== 'desc' ? `${c}:desc` : c,
                      [`${props.prefix}Page`]: undefined,
                    })
                  }
                >
                  {c}
                  {c === sortColumn ? (dir === 'desc' ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(data?.rows ?? []).map((r, i) => (
            <tr key={i}>
              {props.columns.map((c) => (
                <td key={c}>{r[c] === null || r[c] === undefined ? '' : String(r[c])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <nav class="pager" aria-label={`${props.title} pages`}>
        <button
          type="button"
          disabled={page === 0}
          onClick={() => update({ [`${props.prefix}Page`]: page > 1 ? String(page - 1) : undefined })}
        >
          Previous
        </button>
        <span>
          Page {page + 1} of {pages} ({data?.total ?? 0} rows)
        </span>
        <button
          type="button"
          disabled={page + 1 >= pages}
          onClick={() => update({ [`${props.prefix}Page`]: String(page + 1) })}
        >
          Next
        </button>
      </nav>
    </Visual>
  );
}
