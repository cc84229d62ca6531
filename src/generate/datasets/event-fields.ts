import type { Clinician } from '../emr/clinician.js';
import type { EventColumns } from '../emr/event-columns.js';
import { metadataText } from '../emr/event-metadata.js';
import { EVENT_TYPES } from '../emr/event-types.js';
import { formatTimestamp } from '../output/timestamp-text.js';
import { eventId } from './record-ids.js';

/**
 * One emr_events row, event `i` of `events`, as text fields in LANDING_DATASETS.emr_events
 * order ('' is null).
 *
 * @example
 * eventFields(0, events, 0, roster); // ['EVT0000000001', '1001', '2025-03-31 07:02:11', 'LOGIN', '', '{"ip_address": …}']
 */
export function eventFields(
  seq: number,
  events: EventColumns,
  i: number,
  roster: readonly Clinician[],
): string[] {
  return [
    eventId(seq),
    String(roster[events.clinician[i]!]!.id),
    formatTimestamp(events.ts[i]!),
    EVENT_TYPES[events.type[i]!]!,
    events.patient[i]! < 0 ? '' : events.table[events.patient[i]!]!,
    metadataText(events.metadata[i]!, roster),
  ];
}
