import { EChart } from '../components/EChart.js';
import { Visual } from '../components/Visual.js';
import { useDistribution, useMeasureQuery } from '../use-measure-query.js';
import { EdToday } from './EdToday.js';
import { RecentAlerts } from './RecentAlerts.js';

const ED_DIMS = ['payer', 'drg_code', 'disposition', 'unit', 'admit_type'];

/** Page 3: today and the alerts live, then ED-to-admit against the 240-minute target, its spread, volume and boarding trends. */
export function EdPage() {
  const head = useMeasureQuery('ed-gauge', [
    'median_ed_to_admit_minutes',
    'p90_ed_to_admit_minutes',
    'ed_volume',
  ]);
  const hist = useDistribution('ed-hist', 'ed_to_admit_minutes', ED_DIMS);
  const trend = useMeasureQuery('ed-trend', ['ed_volume', 'p90_boarding_minutes'], ['date:week']);
  const median = head.data?.rows[0]?.median_ed_to_admit_minutes;
  // Empty bins between the first and last are drawn too, so the spread reads true.
  const raw = hist.data?.bins ?? [];
  const width = raw.length > 1 ? Math.min(...raw.slice(1).map((b, i) => b.lo - raw[i]!.lo)) : 30;
  const bins =
    raw.length === 0
      ? []
      : Array.from({ length: Math.round((raw.at(-1)!.lo - raw[0]!.lo) / width) + 1 }, (_, i) => {
          const lo = raw[0]!.lo + i * width;
          return raw.find((b) => b.lo === lo) ?? { lo, hi: lo + width, count: 0 };
        });
  const weeks = (trend.data?.rows ?? []).map((r) => String(r.date));
  return (
    <>
      <EdToday />
      <RecentAlerts />
      <Visual
        title="Median ED arrival to admission"
        measures={['median_ed_to_admit_minutes', 'p90_ed_to_admit_minutes']}
        csvUrl={head.url}
        tables={head.data?.tables}
        error={head.error}
      >
        <div class="gauge-value" data-value={median ?? ''} hidden>
          {median}
        </div>
        <EChart
          label={`Gauge: median ED arrival to admission ${median ?? 'unknown'} minutes against the 240 minute target`}
          option={{
            series: [
              {
                type: 'gauge',
                min: 0,
                max: 480,
                detail: { formatter: '{value} min', fontSize: 18 },
                axisLine: {
                  lineStyle: {
                    width: 14,
                    color: [
                      [0.5, '#2e7d32'],
                      [0.625, '#ef6c00'],
                      [1, '#c62828'],
                    ],
                  },
                },
                data: [{ value: median ?? 0, name: 'target 240 min' }],
              },
            ],
          }}
        />
      </Visual>
      <Visual
        title="ED arrival to admission (minutes)"
        csvUrl={hist.url}
        tables={hist.data?.tables}
        error={hist.error}
      >
        <EChart
          label="Histogram of minutes from ED arrival to admission, in 30 minute bins"
          option={{
            tooltip: {},
            grid: { left: 50, right: 10, bottom: 40 },
            xAxis: {
              type: 'category',
              data: bins.map((b) => (b.hi === null ? `≥ ${b.lo}` : `${b.lo}–${b.hi}`)),
            },
            yAxis: { type: 'value', name: 'stays' },
            series: [
              {
                type: 'bar',
                name: 'Stays',
                barCategoryGap: '5%',
                data: bins.map((b) => b.count),
              },
            ],
          }}
        />
      </Visual>
      <Visual
        title="ED volume and boarding p90 by week"
        measures={['ed_volume', 'p90_boarding_minutes']}
        csvUrl={trend.url}
        tables={trend.data?.tables}
        error={trend.error}
        wide
      >
        <EChart
          label="Line chart: ED admissions per week and the 90th percentile of boarding minutes"
          option={{
            tooltip: { trigger: 'axis' },
            legend: { bottom: 0 },
            grid: { left: 50, right: 50, bottom: 50 },
            xAxis: { type: 'category', data: weeks },
            yAxis: [
              { type: 'value', name: 'stays' },
              { type: 'value', name: 'min' },
            ],
            series: [
              { type: 'bar', name: 'ED volume', data: (trend.data?.rows ?? []).map((r) => r.ed_volume) },
              {
                type: 'line',
                name: 'Boarding p90',
                yAxisIndex: 1,
                data: (trend.data?.rows ?? []).map((r) => r.p90_boarding_minutes),
              },
            ],
          }}
        />
      </Visual>
    </>
  );
}
