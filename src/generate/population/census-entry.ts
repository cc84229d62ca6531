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
  patient: { mrnHash: string };
}
