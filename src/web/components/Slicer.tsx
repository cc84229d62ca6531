import type { QueryBody } from '../api.js';
import { usePage } from '../page-context.js';
import { apiUrl } from '../url-state.js';
import { useFetch } from '../use-fetch.js';

/**
 * A slicer over one dimension: a searchable list (a datalist, so thousands of DRGs stay usable)
 * whose value goes into the URL and filters every visual on the page.
 */
export function Slicer(props: { dimension: string; label: string }) {
  const { state, update, onSignIn } = usePage();
  const values = useFetch<{ values: string[] }>(
    apiUrl(`/api/dimensions/${props.dimension}/values`, {}, state),
    onSignIn,
  );
  const id = `slicer-${props.dimension}`;
  return (
    <label class="slicer" for={id}>
      {props.label}
      <input
        id={id}
        list={`${id}-values`}
        value={state[props.dimension] ?? ''}
        placeholder="All"
        onChange={(e) => update({ [props.dimension]: (e.target as HTMLInputElement).value || undefined })}
      />
      <datalist id={`${id}-values`}>
        {(values.data?.values ?? []).map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
    </label>
  );
}

/** The value of one measure in the first row. @example firstValue(body, 'avg_los') */
export function firstValue(body: QueryBody | undefined, measure: string): number | null {
  const v = body?.rows[0]?.[measure];
  return v === null || v === undefined ? null : Number(v);
}
