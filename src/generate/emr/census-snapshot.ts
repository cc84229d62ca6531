import { Census } from '../population/census.js';
import type { CensusEntry } from '../population/census-entry.js';
import type { PseudonymCache } from '../population/pseudonym-cache.js';

/** A census as columns, cheap to copy to a worker thread. */
export interface CensusSnapshot {
  units: number;
  unit: Uint8Array;
  admit: Float64Array;
  discharge: Float64Array;
  seq: Float64Array;
  patient: Float64Array;
  /** '' where the receiving thread hashes the patient itself. */
  mrnHash: string[];
}

/**
 * The census's stays as columns, in census order.
 *
 * @example
 * worker.postMessage({ day, dayStart, census: snapshotCensus(census, 6) });
 */
export function snapshotCensus(census: Census, units: number): CensusSnapshot {
  const entries = census.entries();
  const n = entries.length;
  const snapshot: CensusSnapshot = {
    units,
    unit: new Uint8Array(n),
    admit: new Float64Array(n),
    discharge: new Float64Array(n),
    seq: new Float64Array(n),
    patient: new Float64Array(n),
    mrnHash: new Array<string>(n),
  };
  entries.forEach((s, i) => {
    snapshot.unit[i] = s.unit;
    snapshot.admit[i] = s.admit;
    snapshot.discharge[i] = s.discharge;
    snapshot.seq[i] = s.seq;
    snapshot.patient[i] = s.patient.index;
    snapshot.mrnHash[i] = s.patient.mrnHash;
  });
  return snapshot;
}

/**
 * Rebuilds a census from a snapshot, adding stays in the same order, so random picks from it
 * match picks from the original exactly. Acuity is not carried (EMR activity does not use it).
 * Patients sent without a pseudonym get theirs from `pseudonyms`.
 *
 * @example
 * const census = restoreCensus(message.census, pseudonyms);
 */
export function restoreCensus(snapshot: CensusSnapshot, pseudonyms?: PseudonymCache): Census<CensusEntry> {
  const census = new Census<CensusEntry>(snapshot.units);
  for (let i = 0; i < snapshot.unit.length; i++) {
    census.add({
      unit: snapshot.unit[i]!,
      admit: snapshot.admit[i]!,
      discharge: snapshot.discharge[i]!,
      acuity: 0,
      seq: snapshot.seq[i]!,
      patient: {
        index: snapshot.patient[i]!,
        mrnHash: snapshot.mrnHash[i] || (pseudonyms?.of(snapshot.patient[i]!) ?? ''),
      },
    });
  }
  return census;
}
