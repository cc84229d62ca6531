import type { RowOutput } from '../output/row-output.js';
import type { DrgCatalog } from '../population/drg-catalog.js';
import type { Era } from '../population/era-plan.js';
import type { PlannedStays } from '../population/planned-stays.js';
import { admissionFields } from './admission-fields.js';
import { claimFields } from './claim-fields.js';
import type { EncounterResult } from './encounter-writer.js';
import { EraClaimDraws } from './era-claim-draws.js';
import { type ClaimLine, planClaims } from './plan-claims.js';

/** Where admissions and the claims of each admission go, whichever way they are written. */
export interface EncounterOutput {
  /** Row `row` of the day's stays (see SimulationHooks.stay). */
  stay(stays: PlannedStays, row: number): void;
  /** Waits while a writer thread is behind (memory stays flat). */
  drain(): Promise<void>;
  close(): Promise<EncounterResult>;
  abort(): Promise<void>;
}

/**
 * Admissions and claims as text rows (CSV, or any run with --dirty, whose fault injector works
 * on text): the same stream and order of draws as the typed writers, so a clean CSV and a
 * clean Parquet run hold the same values.
 *
 * @example
 * const encounters = textEncounterOutput(42, eras, catalog, out.admissions, out.claims);
 */
export function textEncounterOutput(
  seed: number,
  eras: readonly Era[],
  catalog: DrgCatalog,
  admissions: RowOutput,
  claims: RowOutput,
): EncounterOutput {
  const draws = new EraClaimDraws(seed, eras);
  let claimSeq = 0;
  let deniedClaims = 0;
  const lines: ClaimLine[] = [];
  return {
    stay(stays, row) {
      const stay = stays.toStay(row, catalog);
      admissions.write(admissionFields(stay));
      draws.seek(stay.seq);
      const n = draws.allocator.next(draws.rng, stay);
      if (n === 0) return;
      planClaims(draws.rng, stay, n, lines);
      for (let k = 0; k < n; k++) {
        const line = lines[k]!;
        if (line.denial !== '') deniedClaims++;
        claims.write(claimFields(claimSeq++, stay, line));
      }
    },
    drain: async () => undefined,
    async close() {
      admissions.close();
      claims.close();
      return { admissions: admissions.file.rows, claims: claims.file.rows, deniedClaims };
    },
    async abort() {
      admissions.close();
      claims.close();
    },
  };
}
