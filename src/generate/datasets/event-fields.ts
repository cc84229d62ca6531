import type { Clinician } from '../emr/clinician.js';
import type { EmrEvent } from '../emr/emr-event.js';
import { formatTimestamp } from '../output/timestamp-text.js';
import { eventId } from './record-ids.js';

/**
 * One emr_events row, as text fields in LANDING_DATASETS.emr_events order ('' is null).
 *
 * @example
 * eventFields(0, event, roster); // ['EVT0000000001', '1001', '2025-03-31 07:02:11', 'LOGIN', '', '{"ip_address": …}']
 */
export function eventFields(seq: number, event: EmrEvent, roster: readonly Clinician[]): string[] {
  return [
    eventId(seq),
    String(roster[event.clinician]!.id),
    formatTimestamp(event.ts),
    event.type,
    event.patient,
    event.metadata,
  ];
}
