import { DataTable } from '../components/DataTable.js';
import { EChart } from '../components/EChart.js';
import { Visual } from '../components/Visual.js';
import { usePage } from '../page-context.js';
import { apiUrl, visualFilters } from '../url-state.js';
import { useFetch } from '../use-fetch.js';
import { useMeasureQuery } from '../use-measure-query.js';

const TIER_COLORS: Record<string, string> = { HIGH: '#c62828', MEDIUM: '#ef6c00', LOW: '#2e7d32' };
const RISK_COLUMNS = [
  'encounter_id',
  'drg_code',
  'los_calc',
  'payer',
  'lace_score',
  'risk_score',
  'risk_tier',
];

/** Page 2: risk tiers, the high-risk encounters, and how well the LACE model is calibrated. */
export function ReadmissionPage() {
  const { state, update, onSignIn } = usePage();
  const tiers = useMeasureQuery('tier-donut', ['scored_encounters'], ['risk_tier']);
  const tier = state.sel?.startsWith('risk_tier:') ? state.sel.slice(10) : 'HIGH';
  const where = [
    ...visualFilters(state, ['payer', 'drg_code', 'risk_tier'], 'none').filter(
      (w) => !w.startsWith('risk_tier='),
    ),
    `risk_tier=${tier}`,
  ];
  const metricsUrl = apiUrl(
    '/api/tables/gold_healthcare_risk_model_metrics/rows',
    { limit: '100', sort: 'scope' },
    state,
  );
  const metrics = useFetch<{
    rows: Record<string, string | number | null>[];
    tables: { table: string; version: number }[];
  }>(metricsUrl, onSignIn);
  const calibration = (metrics.data?.rows ?? []).filter((r) => r.risk_tier !== null && r.risk_tier !== 'ALL');
  const auc = (metrics.data?.rows ?? []).find((r) => r.auc !== null && r.auc !== undefined)?.auc;
  return (
    <>
      <Visual
        title="Discharges by LACE risk tier"
        measures={['scored_encounters']}
        csvUrl={tiers.url}
        tables={tiers.data?.tables}
        error={tiers.error}
      >
        <EChart
          label="Donut chart: scored discharges per LACE risk tier"
          option={{
            tooltip: { trigger: 'item' },
            legend: { bottom: 0 },
            series: [
              {
                type: 'pie',
                radius: ['45%', '70%'],
                data: (tiers.data?.rows ?? []).map((r) => ({
                  name: String(r.risk_tier),
                  value: r.scored_encounters,
                  itemStyle: { color: TIER_COLORS[String(r.risk_tier)] ?? '#607d8b' },
                })),
              },
            ],
          }}
          onItemClick={(t) =>
            update(
              state.sel === `risk_tier:${t}`
                ? { sel: undefined, selBy: undefined }
                : { sel: `risk_tier:${t}`, selBy: 'tier-donut' },
            )
          }
        />
      </Visual>
      <Visual
        title="Calibration: observed readmission rate per tier"
        csvUrl={metricsUrl}
        tables={metrics.data?.tables}
        error={metrics.error}
      >
        <p class="auc" data-auc={auc ?? ''}>
          AUC {auc === undefined || auc === null ? '—' : Number(auc).toFixed(3)}
        </p>
        <EChart
          label="Bar chart: observed 30-day readmission rate per risk tier"
          height={220}
          option={{
            tooltip: {},
            grid: { left: 50, right: 10, bottom: 40 },
            xAxis: { type: 'category', data: calibration.map((r) => `${r.scope} ${r.risk_tier}`) },
            yAxis: { type: 'value', name: '%' },
            series: [
              { type: 'bar', name: 'Observed rate', data: calibration.map((r) => r.observed_rate_pct) },
            ],
          }}
        />
      </Visual>
      <DataTable
        title={`${tier} risk encounters`}
        table="gold_healthcare_readmission_risk"
        columns={RISK_COLUMNS}
        where={where}
        defaultSort="risk_score:desc"
        prefix="risk"
      />
    </>
  );
}
