import type { Stay, StayPatient } from '../population/stay.js';

/**
 * What the claims of a stay are drawn from: a Stay has all of it, and the encounter writer fills
 * one reused object with it from a batch of stays.
 */
export type EncounterRow = Pick<
  Stay,
  'seq' | 'drg' | 'icd10' | 'unit' | 'edArrival' | 'admit' | 'discharge' | 'los'
> & { patient: Pick<StayPatient, 'payer'> };
