import { HOSPITAL_UNITS } from '../reference/hospital-units.js';
import { Census } from './census.js';
import type { Era } from './era-plan.js';
import {
  type SimulationConfig,
  type SimulationHooks,
  type SimulationStats,
  simulateEra,
} from './simulate-era.js';

export type { SimulationHooks, SimulationStats } from './simulate-era.js';

/**
 * Runs the hospital era after era in this thread (see simulateEra), every stay in
 * admissions-file order. The day hook sees the whole hospital: with several eras, a census that
 * also keeps the previous era's patients until they leave (each era's stay model only sees its
 * own). Memory holds the census and the patients due back, never the whole run.
 *
 * @example
 * await simulateHospital({ seed: 42, admissions: 10_000, plan, catalog, hashMrn }, eras, hooks);
 */
export async function simulateHospital(
  cfg: SimulationConfig,
  eras: readonly Era[],
  hooks: SimulationHooks,
): Promise<SimulationStats> {
  const stats: SimulationStats = { patients: 0, readmissions: 0, deaths: 0 };
  // One era: its own census is the whole hospital's.
  const whole = eras.length === 1 ? undefined : new Census(HOSPITAL_UNITS.length);
  const eraHooks: SimulationHooks =
    whole === undefined
      ? hooks
      : {
          stay(stay) {
            whole.add(stay);
            hooks.stay(stay);
          },
          day(day, dayStart) {
            whole.dropDischargedBefore(dayStart);
            return hooks.day(day, dayStart, whole);
          },
        };
  for (const era of eras) {
    const s = await simulateEra(cfg, era, eraHooks);
    stats.patients += s.patients;
    stats.readmissions += s.readmissions;
    stats.deaths += s.deaths;
  }
  return stats;
}
