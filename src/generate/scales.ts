/** How many rows of each dataset to generate. */
export interface DatasetCounts {
  admissions: number;
  claims: number;
  staffing: number;
  clinicians: number;
  events: number;
}

/** The named scales of `--scale`. */
export type ScaleName = 'tiny' | 'small' | 'medium' | 'large';

/**
 * Preset sizes. tiny is about the seed sample (a few clinicians, dozens of events); small is the
 * tutorial's sizes; medium and large are for performance work (20 years of a 700- and a
 * 7,000-bed hospital). Their staffing rows are the last three years of unit-shifts.
 */
export const SCALES: Readonly<Record<ScaleName, DatasetCounts>> = {
  tiny: { admissions: 200, claims: 500, staffing: 126, clinicians: 6, events: 60 },
  small: { admissions: 10_000, claims: 25_000, staffing: 5_000, clinicians: 200, events: 1_000_000 },
  medium: {
    admissions: 1_000_000,
    claims: 2_500_000,
    staffing: 19_728,
    clinicians: 2_000,
    events: 10_000_000,
  },
  large: {
    admissions: 10_000_000,
    claims: 25_000_000,
    staffing: 19_728,
    clinicians: 5_000,
    events: 100_000_000,
  },
};
