import { HOSPITAL_UNITS } from '../reference/hospital-units.js';
import { Census } from './census.js';
import type { Era } from './era-plan.js';
import type { PlannedStays } from './planned-stays.js';
import {
  type HospitalHooks,
  type SimulationConfig,
  type SimulationStats,
  simulateEra,
} from './simulate-era.js';

export type { HospitalHooks, SimulationStats } from './simulate-era.js';

/**
 * Runs the hospital era after era in this thread (see simulateEra), every stay in
 * admissions-file order. The day hook sees the whole hospital's census: with several eras, it
 * also keeps the previous era's patients until they leave (each era's stay model only sees its
 * own). Memory holds the census and the patients due back, never the whole run.
 *
 * @example
 * await simulateHospital({ seed: 42, admissions: 10_000, plan, catalog, pseudonymOf }, eras, hooks);
 */
export async function simulateHospital(
  cfg: SimulationConfig,
  eras: readonly Era[],
  hooks: HospitalHooks,
): Promise<SimulationStats> {
  const stats: SimulationStats = { patients: 0, readmissions: 0, deaths: 0 };
  const census = new Census(HOSPITAL_UNITS.length);
  const eraHooks = {
    stay(stays: PlannedStays, row: number) {
      census.add(stays.toStay(row, cfg.catalog));
      hooks.stay(stays, row);
    },
    day(day: number, dayStart: number) {
      census.dropDischargedBefore(dayStart);
      return hooks.day(day, dayStart, census);
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
