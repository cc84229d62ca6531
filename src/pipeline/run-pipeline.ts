import { performance } from 'node:perf_hooks';
import { runHospitalPipeline } from './hospital/run-hospital-pipeline.js';
import { evaluateAppendedExpectations } from './quality/evaluate-appended-expectations.js';
import { evaluateExpectations } from './quality/evaluate-expectations.js';
import { readPriorSuspects } from './quality/read-prior-suspects.js';
import { describeSuspects, type SuspectTable, suspectTables } from './quality/suspect-tables.js';
import { writeExpectationResults } from './quality/write-expectation-results.js';
import { readModelMeta } from './read-model.js';
import { exposeLatest, prepareCatalogs, type RunContext } from './run-context.js';
import { runSessionsPipeline } from './sessions/run-sessions-pipeline.js';

/** What `carelake run` can be asked to run. */
export type RunTarget = 'all' | 'sessions' | 'hospital' | 'bronze' | 'silver' | 'gold';

/** Every table the pipelines produce, in layer order, for the summary and the expectations. */
export const PIPELINE_TABLES: readonly [string, string][] = [
  ['lh_bronze', 'bronze_clinicians'],
  ['lh_bronze', 'bronze_clinician_roles'],
  ['lh_bronze', 'bronze_emr_events'],
  ['lh_bronze', 'bronze_healthcare_admissions'],
  ['lh_bronze', 'bronze_healthcare_claims'],
  ['lh_bronze', 'bronze_healthcare_staffing'],
  ['lh_silver', 'clinician_dim'],
  ['lh_silver', 'emr_events'],
  ['lh_silver', 'ref_ms_drg_weights'],
  ['lh_silver', 'silver_healthcare_encounters'],
  ['lh_silver', 'silver_healthcare_claims'],
  ['lh_silver', 'silver_healthcare_staffing'],
  ['lh_gold', 'clinician_emr_sessions'],
  ['lh_gold', 'gold_clinician_session_summary'],
  ['lh_gold', 'gold_healthcare_kpis'],
  ['lh_gold', 'gold_healthcare_kpis_by_payer'],
  ['lh_gold', 'gold_healthcare_daily_census'],
  ['lh_gold', 'gold_healthcare_ed_metrics'],
  ['lh_gold', 'gold_healthcare_denials'],
  ['lh_gold', 'gold_healthcare_staffing_ratios'],
  ['lh_gold', 'gold_healthcare_readmission_risk'],
  ['lh_gold', 'gold_healthcare_risk_model_metrics'],
];

/** What a run found: the number of error-level breaches and the tables they are in. */
export interface RunOutcome {
  errors: number;
  suspects: SuspectTable[];
}

/**
 * Runs the requested pipelines and layers, then records every table's size, evaluates every
 * model's expectations and appends the results to lh_gold.dbo.dq_expectation_results. Returns
 * the error-level breaches (the run fails on any) and the tables they are in, each with the
 * run that repairs it. When the previous run left such breaches, a warning at the start says
 * so: an incremental run that finds nothing new to do does not make those tables right.
 *
 * @example
 * const { errors, suspects } = await runPipeline(ctx, 'all');
 */
export async function runPipeline(ctx: RunContext, target: RunTarget): Promise<RunOutcome> {
  await prepareCatalogs(ctx);
  const prior = await readPriorSuspects(ctx);
  if (prior !== undefined) {
    const open = suspectTables(prior.expectations).filter((s) => !(ctx.fullRefresh && repairs(target, s)));
    if (open.length > 0)
      ctx.summary.warnings.push(
        `the last run (${prior.runId}, ${prior.evaluatedAt}) ended with ${describeSuspects(open)}`,
      );
  }
  const everyLayer = { bronze: true, silver: true, gold: true };
  const layers =
    target === 'bronze' || target === 'silver' || target === 'gold'
      ? { bronze: target === 'bronze', silver: target === 'silver', gold: target === 'gold' }
      : everyLayer;
  if (target !== 'hospital') await runSessionsPipeline(ctx, layers);
  if (target !== 'sessions') await runHospitalPipeline(ctx, layers);
  let errors = 0;
  const started = performance.now();
  let evaluated = 0;
  for (const [lakehouse, name] of PIPELINE_TABLES) {
    const snapshot = await exposeLatest(ctx, lakehouse, name);
    if (snapshot === undefined) continue;
    const table = `${lakehouse}.dbo.${name}`;
    ctx.summary.tables.push({ table, rows: snapshot.numRecords() ?? 0, version: snapshot.version });
    const cached = ctx.expectationCache?.get(table);
    if (cached?.version === snapshot.version) {
      ctx.summary.expectations.push(...cached.results);
      errors += cached.results.filter((e) => e.level === 'error' && e.failures > 0).length;
      continue;
    }
    const from = ctx.summary.expectations.length;
    const rules = readModelMeta(lakehouse.slice(3), name).expectations ?? [];
    const appended =
      cached === undefined
        ? undefined
        : await evaluateAppendedExpectations(ctx, lakehouse, name, rules, cached, snapshot);
    errors += appended ?? (await evaluateExpectations(ctx, lakehouse, name, rules));
    evaluated++;
    ctx.expectationCache?.set(table, {
      version: snapshot.version,
      results: ctx.summary.expectations.slice(from),
      files: new Set(snapshot.files.map((f) => f.path)),
    });
  }
  await writeExpectationResults(ctx);
  ctx.summary.steps.push({
    step: 'expectations',
    ms: performance.now() - started,
    detail: `${evaluated} table(s) evaluated${ctx.expectationCache ? ' (appended tables over their new files only), the others unchanged since their last evaluation' : ''}`,
  });
  return { errors, suspects: suspectTables(ctx.summary.expectations) };
}

/** True when a full refresh of `target` rebuilds the suspect table. */
function repairs(target: RunTarget, suspect: SuspectTable): boolean {
  const pipeline = suspect.repair.match(/^carelake run (\w+) --full-refresh$/)?.[1];
  return pipeline !== undefined && (target === 'all' || target === pipeline);
}
