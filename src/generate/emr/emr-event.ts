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

/**
 * File order of events: by time, then clinician, then position in the shift.
 *
 * @example
 * events.sort(compareEvents);
 */
export function compareEvents(a: EmrEvent, b: EmrEvent): number {
  return a.ts - b.ts || a.clinician - b.clinician || a.order - b.order;
}
