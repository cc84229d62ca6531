import { DEMO_HASH_SALT } from '../privacy/demo-salt.js';
import type { GenerateOptions } from './generate-options.js';
import type { HospitalPlan } from './population/plan-hospital.js';
import { HOSPITAL_UNITS } from './reference/hospital-units.js';

/** What a run produced and the ground truth behind it, written as `_generation.json`. */
export interface GenerationManifest {
  generator: 'carelake generate';
  seed: number;
  format: string;
  dirtyRate: number;
  /** True when MRNs were hashed with the public demo salt: such pseudonyms protect nothing. */
  demoSalt: boolean;
  requested: GenerateOptions['counts'];
  rows: Record<string, number>;
  hospital: {
    staffedBeds: number;
    unitBeds: Record<string, number>;
    periodStart: string;
    periodEnd: string;
    periodDays: number;
    expectedOccupancy: number;
  };
  /** What a correct pipeline should find in the clean data. */
  truth: {
    patients: number;
    readmissions: number;
    deaths: number;
    deniedClaims: number;
    emrSessions: number;
  };
}

/**
 * The manifest of a run. Deterministic (no wall-clock time in it), so it hashes like the data.
 *
 * @example
 * generationManifest(options, plan, rows, truth);
 */
export function generationManifest(
  options: GenerateOptions,
  plan: HospitalPlan,
  rows: Record<string, number>,
  truth: GenerationManifest['truth'],
): GenerationManifest {
  const iso = (s: number) => new Date(s * 1000).toISOString();
  return {
    generator: 'carelake generate',
    seed: options.seed,
    format: options.format,
    dirtyRate: options.dirtyRate,
    demoSalt: options.salt === DEMO_HASH_SALT,
    requested: options.counts,
    rows,
    hospital: {
      staffedBeds: plan.beds,
      unitBeds: Object.fromEntries(HOSPITAL_UNITS.map((u, i) => [u.name, plan.unitBeds[i]!])),
      periodStart: iso(plan.periodStart),
      periodEnd: iso(plan.periodStart + plan.periodDays * 86_400),
      periodDays: plan.periodDays,
      expectedOccupancy: Math.round(plan.expectedOccupancy * 100) / 100,
    },
    truth,
  };
}
