import type { QueryBody } from '../api.js';
import { benchmarkStatus, formatValue } from '../format-value.js';
import { usePage } from '../page-context.js';

/** One headline number against its benchmark, with its definition on hover and click. */
export function KpiCard(props: { measure: string; body: QueryBody | undefined }) {
  const { measures } = usePage();
  const meta = measures[props.measure];
  const raw = props.body?.rows[0]?.[props.measure];
  const value = raw === null || raw === undefined ? null : Number(raw);
  const status = benchmarkStatus(value, meta?.benchmark ?? null);
  return (
    <div
      class={`kpi ${status}`}
      data-measure={props.measure}
      title={meta ? `${meta.description}\n${meta.sql}` : ''}
    >
      <div class="kpi-label">{meta?.label ?? props.measure}</div>
      <div class="kpi-value" data-value={value ?? ''}>
        {formatValue(value, meta?.format)}
      </div>
      <div class="kpi-benchmark">{meta?.benchmark ? `target ${meta.benchmark.label}` : ' '}</div>
      <details class="definition">
        <summary aria-label={`Definition of ${meta?.label ?? props.measure}`}>definition</summary>
        <pre>{meta?.sql}</pre>
        <small>Reads {meta?.tables.join(', ')}</small>
      </details>
    </div>
  );
}
