import { EChart } from '../components/EChart.js';
import { KpiCard } from '../components/KpiCard.js';
import { Visual } from '../components/Visual.js';
import { usePage } from '../page-context.js';
import { measureQueryUrl, useMeasureQuery } from '../use-measure-query.js';

const CARDS = ['case_mix_index', 'readmission_rate', 'avg_los', 'occupancy_pct', 'denial_rate'];

/** Page 1: the five headline KPIs against their benchmarks, readmissions by DRG, daily occupancy. */
export function ExecutivePage() {
  const page = usePage();
  const { state, update } = page;
  // The cards' CSV: all five measures unfiltered by dimensions they do not share, in one table.
  const cardsCsv = measureQueryUrl(page, 'cards', CARDS);
  const byDrg = useMeasureQuery('drg-bar', ['readmission_rate', 'encounters'], ['drg_code']);
  const occupancy = useMeasureQuery('occupancy-line', ['occupancy_pct'], ['date:day']);
  const top = [...(byDrg.data?.rows ?? [])]
    .sort((a, b) => Number(b.encounters) - Number(a.encounters))
    .slice(0, 10);
  const selected = state.sel?.startsWith('drg_code:') ? state.sel.slice(9) : undefined;
  return (
    <>
      <Visual title="Headline KPIs" measures={CARDS} csvUrl={cardsCsv} wide>
        <div class="kpis">
          {CARDS.map((m) => (
            <KpiCard key={m} measure={m} />
          ))}
        </div>
      </Visual>
      <Visual
        title="Readmission rate by DRG (top 10 by volume)"
        measures={['readmission_rate', 'encounters']}
        csvUrl={byDrg.url}
        tables={byDrg.data?.tables}
        error={byDrg.error}
      >
        <EChart
          label="Bar chart: 30-day readmission rate for the ten DRGs with the most stays"
          option={{
            tooltip: {},
            grid: { left: 50, right: 10, bottom: 40 },
            xAxis: { type: 'category', data: top.map((r) => String(r.drg_code)), name: 'MS-DRG' },
            yAxis: { type: 'value', name: '%' },
            series: [
              {
                type: 'bar',
                name: 'Readmission rate',
                data: top.map((r) => ({
                  value: r.readmission_rate,
                  itemStyle: selected && selected !== String(r.drg_code) ? { opacity: 0.35 } : {},
                })),
              },
            ],
          }}
          onItemClick={(drg) =>
            update(
              selected === drg
                ? { sel: undefined, selBy: undefined }
                : { sel: `drg_code:${drg}`, selBy: 'drg-bar' },
            )
          }
        />
      </Visual>
      <Visual
        title="Daily occupancy"
        measures={['occupancy_pct']}
        csvUrl={occupancy.url}
        tables={occupancy.data?.tables}
        error={occupancy.error}
      >
        <EChart
          label="Line chart: midnight census occupancy per day, with the 75 to 85 percent target band"
          option={{
            tooltip: { trigger: 'axis' },
            grid: { left: 50, right: 10, bottom: 40 },
            xAxis: { type: 'category', data: (occupancy.data?.rows ?? []).map((r) => String(r.date)) },
            yAxis: { type: 'value', name: '%' },
            series: [
              {
                type: 'line',
                name: 'Occupancy',
                showSymbol: false,
                data: (occupancy.data?.rows ?? []).map((r) => r.occupancy_pct),
                markArea: {
                  itemStyle: { color: 'rgba(46,125,50,0.12)' },
                  data: [[{ yAxis: 75 }, { yAxis: 85 }]],
                },
              },
            ],
          }}
        />
      </Visual>
    </>
  );
}
