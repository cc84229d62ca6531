import type { FaultKind } from './fault-kind.js';

/** One injected fault, as recorded in `_injected_faults.json`. */
export interface FaultRecord {
  dataset: string;
  kind: FaultKind;
  /** 0-based data row (header excluded) of the faulty row in the written file. */
  row: number;
  /** The row's key (encounter_id, claim_id, …) before the fault. */
  key: string;
  /** The column changed, for field-level faults. */
  field?: string;
  /** The value written, where it is not PHI (a malformed timestamp, an unknown clinician id). */
  value?: string;
  /** For duplicates and re-deliveries: the row of the original. */
  ofRow?: number;
  /** For re-deliveries: the columns whose values changed. */
  changed?: string[];
  /** For wrong field counts: how many fields the row has. */
  fieldCount?: number;
}
