import { WeightedPicker } from '../random/weighted-picker.js';
import { DEFAULT_DRG_PROFILE, DRG_PROFILES, type DrgProfile } from '../reference/drg-profiles.js';
import type { DrgWeight } from '../reference/drg-table.js';
import { losMedianFor } from './los-median.js';

/** How a patient came in. */
export type AdmitType = 'Emergency' | 'Urgent' | 'Elective';
/** Admit types by code: the simulation keeps the code, writers the text. */
export const ADMIT_TYPES: readonly AdmitType[] = ['Emergency', 'Urgent', 'Elective'];

/** A DRG ready for simulation: CMS facts, clinical profile and the calibrated LOS median. */
export interface DrgEntry extends DrgWeight, DrgProfile {
  /** Position in the catalog's entries: what the simulation and the batches keep. */
  index: number;
  /** Log-normal median that makes the geometric mean of whole-day LOS equal GMLOS. */
  losMedian: number;
}

/** Log-scale spread of LOS within a DRG (CMS data show roughly this). */
export const LOS_SIGMA = 0.55;

/** DRG pickers by admit type, for adults and for children. */
export interface DrgCatalog {
  entries: readonly DrgEntry[];
  byCode: ReadonlyMap<string, DrgEntry>;
  adult: Readonly<Record<AdmitType, WeightedPicker<DrgEntry>>>;
  pediatric: WeightedPicker<DrgEntry>;
}

/**
 * Joins the DRG weights table with the clinical profiles and builds the weighted pickers the
 * stay model draws from (an elective stay is mostly a joint replacement, an emergency one
 * mostly sepsis, heart failure, pneumonia …). `losMedians` (the `losMedian` of each entry of a
 * catalog built before, in table order) skips solving for them again: worker threads get them
 * from the thread that planned the run, where each solve was a visible share of their start.
 *
 * @example
 * const catalog = buildDrgCatalog(readDrgTable());
 * catalog.adult.Emergency.pick(rng).code; // '871'
 */
export function buildDrgCatalog(table: readonly DrgWeight[], losMedians?: readonly number[]): DrgCatalog {
  const entries: DrgEntry[] = table.map((row, i) => {
    const profile = DRG_PROFILES[row.code] ?? DEFAULT_DRG_PROFILE;
    // Every field written in one order: entries share one hidden class, so the simulation's
    // reads of a DRG's fields stay monomorphic (spread profiles, some with a procedure and
    // some without, gave the entries several shapes and those reads went megamorphic).
    return {
      code: row.code,
      title: row.title,
      relativeWeight: row.relativeWeight,
      gmlosDays: row.gmlosDays,
      volume: profile.volume,
      elective: profile.elective,
      urgent: profile.urgent,
      icu: profile.icu,
      stepDown: profile.stepDown,
      telemetry: profile.telemetry,
      mortality: profile.mortality,
      pediatric: profile.pediatric,
      icd10: profile.icd10,
      procedure: profile.procedure,
      index: i,
      losMedian: losMedians?.[i] ?? losMedianFor(row.gmlosDays, LOS_SIGMA),
    };
  });
  const share = (e: DrgEntry, type: AdmitType) =>
    type === 'Elective' ? e.elective : type === 'Urgent' ? e.urgent : 1 - e.elective - e.urgent;
  const picker = (type: AdmitType) =>
    new WeightedPicker(entries.map((e) => [e, e.volume * share(e, type)] as const));
  const pediatricWeights = entries.map((e) => [e, e.pediatric] as const);
  return {
    entries,
    byCode: new Map(entries.map((e) => [e.code, e])),
    adult: { Emergency: picker('Emergency'), Urgent: picker('Urgent'), Elective: picker('Elective') },
    pediatric: new WeightedPicker(
      pediatricWeights.some(([, w]) => w > 0) ? pediatricWeights : entries.map((e) => [e, e.volume] as const),
    ),
  };
}
