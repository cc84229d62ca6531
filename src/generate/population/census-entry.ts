/**
 * What the census needs to know of a stay (a Stay has all of it; the EMR worker gets only this).
 */
export interface CensusEntry {
  unit: number;
  admit: number;
  discharge: number;
  acuity: number;
  /** Position in the admissions file (chart number - 1). */
  seq: number;
  /** The patient's index and pseudonym ('' when a writer thread hashes it, see PseudonymCache). */
  patient: { index: number; mrnHash: string };
}
