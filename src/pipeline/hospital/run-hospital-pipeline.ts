import { fileURLToPath } from 'node:url';
import { ingestLandingDataset } from '../bronze/ingest-landing-dataset.js';
import { buildModelTable, type FullModel } from '../build-model-table.js';
import type { RunContext } from '../run-context.js';
import { ensureDrgWeights } from './ensure-drg-weights.js';
import { hospitalBuildOrder } from './hospital-build-order.js';

/** The default MS-DRG weights shipped with carelake (CMS FY2024 Table 5 values). */
export const DEFAULT_DRG_WEIGHTS = fileURLToPath(
  new URL('../../../../data/ms_drg_weights_fy2024.csv', import.meta.url),
);

const ENCOUNTERS: [string, string] = ['lh_silver', 'silver_healthcare_encounters'];
const WEIGHTS: [string, string] = ['lh_silver', 'ref_ms_drg_weights'];
const ED_METRICS = 'gold_healthcare_ed_metrics';

/**
 * The silver and gold models of the hospital-operations pipeline, in dependency order (gold's
 * ED metrics first: hospitalBuildOrder builds each gold model as soon as its inputs are). Only the
 * small tables are written sorted: sorting the per-encounter and per-claim tables (10M and 25M
 * rows at large scale) cost more than any reader gains from it.
 *
 * @example
 * hospitalModels(ctx).map((m) => m.model);
 */
export function hospitalModels(ctx: RunContext): { silver: FullModel[]; gold: FullModel[] } {
  const zone = { source_time_zone: ctx.lake.config.sourceTimeZone };
  return {
    silver: [
      {
        lakehouse: 'lh_silver',
        model: 'silver_healthcare_encounters',
        inputs: [['lh_bronze', 'bronze_healthcare_admissions']],
        params: zone,
        superseded: { bronzeTable: 'bronze_healthcare_admissions', key: 'encounter_id' },
      },
      {
        lakehouse: 'lh_silver',
        model: 'silver_healthcare_claims',
        inputs: [['lh_bronze', 'bronze_healthcare_claims'], ENCOUNTERS],
        superseded: { bronzeTable: 'bronze_healthcare_claims', key: 'claim_id' },
      },
      {
        lakehouse: 'lh_silver',
        model: 'silver_healthcare_staffing',
        inputs: [['lh_bronze', 'bronze_healthcare_staffing']],
        superseded: { bronzeTable: 'bronze_healthcare_staffing', key: 'staffing_id' },
        orderBy: 'shift_date, unit, shift',
      },
    ],
    gold: [
      {
        lakehouse: 'lh_gold',
        model: 'gold_healthcare_ed_metrics',
        inputs: [ENCOUNTERS],
        params: zone,
        orderBy: 'metric_date NULLS FIRST',
      },
      {
        lakehouse: 'lh_gold',
        model: 'gold_healthcare_kpis',
        inputs: [ENCOUNTERS, WEIGHTS],
        orderBy: 'drg_code',
      },
      {
        lakehouse: 'lh_gold',
        model: 'gold_healthcare_kpis_by_payer',
        inputs: [ENCOUNTERS, WEIGHTS],
        orderBy: 'payer',
      },
      {
        lakehouse: 'lh_gold',
        model: 'gold_healthcare_daily_census',
        inputs: [ENCOUNTERS],
        params: { staffed_beds: ctx.lake.config.staffedBeds },
        orderBy: 'census_date',
      },
      {
        lakehouse: 'lh_gold',
        model: 'gold_healthcare_denials',
        inputs: [['lh_silver', 'silver_healthcare_claims']],
        orderBy: 'dimension, dimension_value',
      },
      {
        lakehouse: 'lh_gold',
        model: 'gold_healthcare_staffing_ratios',
        inputs: [['lh_silver', 'silver_healthcare_staffing']],
        params: { ratio_limits: JSON.stringify(ctx.lake.config.ratioLimits) },
        orderBy: 'shift_date, unit, shift',
      },
      {
        lakehouse: 'lh_gold',
        model: 'gold_healthcare_readmission_risk',
        inputs: [ENCOUNTERS],
      },
      {
        lakehouse: 'lh_gold',
        model: 'gold_healthcare_risk_model_metrics',
        inputs: [['lh_gold', 'gold_healthcare_readmission_risk']],
        orderBy: 'scope NULLS LAST, risk_tier NULLS LAST',
      },
    ],
  };
}

/**
 * The hospital-operations pipeline: admissions, claims and staffing landing files → bronze
 * (typed, quarantined) → silver (deduplicated, readmissions, quality score) → gold KPIs.
 *
 * @example
 * await runHospitalPipeline(ctx, { bronze: true, silver: true, gold: true });
 */
export async function runHospitalPipeline(
  ctx: RunContext,
  layers: { bronze: boolean; silver: boolean; gold: boolean },
): Promise<void> {
  // After each step that wrote something, `betweenSteps` may run other work (a watcher's EMR
  // batch): every step reads its inputs at their latest version when it starts, and the steps
  // share no temporary state, so what ran in between cannot change what a step computes. Not
  // before the ED metrics are built, though: a new ED arrival's way to the ED page (bronze
  // admissions, silver encounters, ED metrics: ~3 s at medium scale) is not stretched by the
  // EMR batches (~2 s each) that a steady feed slips in after every step.
  const order = hospitalBuildOrder(hospitalModels(ctx), layers);
  let edPending = order.some((m) => m.model === ED_METRICS);
  const between = async (wrote: boolean) => {
    if (wrote && !edPending) await ctx.betweenSteps?.();
  };
  if (layers.bronze) {
    for (const model of [
      'bronze_healthcare_admissions',
      'bronze_healthcare_claims',
      'bronze_healthcare_staffing',
    ]) {
      await between(await ingestLandingDataset(ctx, model));
    }
  }
  if (layers.silver) await ensureDrgWeights(ctx, DEFAULT_DRG_WEIGHTS);
  for (const m of order) {
    const wrote = await buildModelTable(ctx, m);
    if (m.model === ED_METRICS) edPending = false;
    await between(wrote);
  }
  if (layers.gold) {
    const [row] = await ctx.engine.db.readRows(
      'SELECT coalesce(sum(unknown_drg_encounters), 0) AS n, count(*) FILTER (WHERE unknown_drg_encounters > 0) AS drgs FROM lh_gold.dbo.gold_healthcare_kpis',
    );
    if (Number(row?.n ?? 0) > 0) {
      ctx.summary.warnings.push(
        `${row!.n} encounter(s) in ${row!.drgs} DRG(s) have no relative weight in ref_ms_drg_weights and are left out of the case mix index; load the full CMS Table 5 with 'carelake reference load-drg-weights FILE'`,
      );
    }
  }
}
