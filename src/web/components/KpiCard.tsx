import { benchmarkStatus, formatValue } from '../format-value.js';
import { usePage } from '../page-context.js';
import { useMeasureQuery } from '../use-measure-query.js';

/**
 * One headline number against its benchmark, with its definition on hover and click. Each card
 * asks for its own measure, so the page's filters apply to every card that allows them.
 */
export function KpiCard(props: { measure: string }) {
  const { measures } = usePage();
  const meta = measures[props.measure];
  const { data } = useMeasureQuery(`card-${props.measure}`, [props.measure]);
  const raw = data?.rows[0]?.[props.measure];
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
