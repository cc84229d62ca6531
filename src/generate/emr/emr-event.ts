/** One EMR audit event before it gets its id. Times are epoch seconds, UTC. */
export interface EmrEvent {
  ts: number;
  /** Index of the clinician in the roster. */
  clinician: number;
  /** Position within the clinician's shift: breaks timestamp ties in file order. */
  order: number;
  type: string;
  /** Patient pseudonym (mrn_hash), or '' when the event is not about a patient. */
  patient: string;
  metadata: string;
}
