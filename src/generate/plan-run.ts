import type { Clinician } from './emr/clinician.js';
import { buildRoster } from './emr/clinician.js';
import type { EmrJob } from './emr/emr-job.js';
import { type EmrPlan, planEmr } from './emr/emr-plan.js';
import type { GenerateOptions } from './generate-options.js';
import { buildDrgCatalog, type DrgCatalog } from './population/drg-catalog.js';
import { knownPilotEstimate } from './population/known-pilot-estimate.js';
import { type HospitalPlan, planHospital } from './population/plan-hospital.js';
import { deriveStream } from './random/derive-stream.js';
import { readDrgTable } from './reference/drg-table.js';
import { ROLE_PROFILES } from './reference/role-profiles.js';

/** The default end of the simulated period (exclusive): the day after the seed sample's date. */
export const DEFAULT_PERIOD_END = new Date('2025-04-01T00:00:00Z');

/** Everything fixed before the simulation starts. */
export interface RunPlan {
  catalog: DrgCatalog;
  plan: HospitalPlan;
  roleMinutes: Record<string, number>;
  roster: Clinician[];
  emrPlan: EmrPlan;
  /** The EMR job minus where it writes (see EmrJob). */
  emr: Omit<EmrJob, 'dir' | 'output'>;
}

/**
 * Plans a run from its options: DRG catalog, the hospital and its calendar (from a pilot of the
 * stay model), role windows (shipped defaults overridden by the lake's), the roster and the
 * days that carry EMR activity.
 *
 * @example
 * const { plan, roster } = planRun(options);
 */
export function planRun(options: GenerateOptions): RunPlan {
  const catalog = buildDrgCatalog(readDrgTable(options.drgTablePath));
  const pilot = knownPilotEstimate(catalog);
  const periodEnd = Math.floor((options.periodEnd ?? DEFAULT_PERIOD_END).getTime() / 86_400_000) * 86_400;
  const { admissions, staffing, clinicians, events } = options.counts;
  const plan = planHospital({ admissions, staffing, beds: options.beds ?? 350, periodEnd }, pilot);
  const roleMinutes: Record<string, number> = {
    ...Object.fromEntries(ROLE_PROFILES.map((p) => [p.role, p.defaultInactivityMinutes])),
    ...options.roleInactivityMinutes,
  };
  const roster = buildRoster(
    deriveStream(options.seed, 'clinicians'),
    clinicians,
    roleMinutes,
    pilot.unitShare,
  );
  return {
    catalog,
    plan,
    roleMinutes,
    roster,
    emrPlan: planEmr(events, roster, plan.periodStart, plan.periodDays),
    emr: {
      seed: options.seed,
      clinicians,
      events,
      roleMinutes,
      unitShare: pilot.unitShare,
      periodStart: plan.periodStart,
      periodDays: plan.periodDays,
    },
  };
}
