import { usePage } from '../page-context.js';
import { Slicer } from './Slicer.js';

const LABELS: Record<string, string> = {
  payer: 'Payer',
  drg_code: 'MS-DRG',
  disposition: 'Disposition',
  clinician_role: 'Role',
  risk_tier: 'Risk tier',
};

/** The page's slicers, date range, "as of" time travel and "Clear filters". */
export function PageFilters(props: { slicers: readonly string[]; dates?: boolean }) {
  const { state, update } = usePage();
  const clear = () => {
    const patch: Record<string, undefined> = {};
    for (const k of Object.keys(state)) if (k !== 'asOf') patch[k] = undefined;
    update(patch);
  };
  return (
    <fieldset class="filters">
      <legend class="visually-hidden">Filters</legend>
      {props.slicers.map((d) => (
        <Slicer key={d} dimension={d} label={LABELS[d] ?? d} />
      ))}
      {props.dates !== false && (
        <>
          <label>
            From{' '}
            <input
              type="date"
              aria-label="From date"
              value={state.from ?? ''}
              onChange={(e) => update({ from: (e.target as HTMLInputElement).value || undefined })}
            />
          </label>
          <label>
            To{' '}
            <input
              type="date"
              aria-label="To date"
              value={state.to ?? ''}
              onChange={(e) => update({ to: (e.target as HTMLInputElement).value || undefined })}
            />
          </label>
        </>
      )}
      <label>
        As of{' '}
        <input
          type="datetime-local"
          aria-label="Read the lake as of"
          value={state.asOf ? state.asOf.slice(0, 16) : ''}
          onChange={(e) => {
            const v = (e.target as HTMLInputElement).value;
            update({ asOf: v ? `${v}:00Z` : undefined });
          }}
        />
      </label>
      {state.sel && <span class="selection">Selected {state.sel.replace(':', ' = ')}</span>}
      <button type="button" onClick={clear}>
        Clear filters
      </button>
    </fieldset>
  );
}
