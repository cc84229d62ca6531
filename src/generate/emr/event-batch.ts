import { EventColumns } from './event-columns.js';

/** Events in file order, as plain typed arrays that move to another thread without copying. */
export interface EventBatch {
  /** Events from … length - 1 are the batch's. */
  from: number;
  length: number;
  ts: Float64Array;
  clinician: Int32Array;
  type: Uint8Array;
  metadata: Float64Array;
  patient: Int32Array;
  table: string[];
}

/**
 * Events from … to - 1 of `events` as a batch, sharing their buffers (not copied): for columns
 * the caller is done with, such as a day's sorted copy (see sortedByTime).
 *
 * @example
 * const batch = eventBatch(sorted, k);
 * port.postMessage(batch, batchBuffers(batch));
 */
export function eventBatch(events: EventColumns, to: number, from = 0): EventBatch {
  const { ts, clinician, type, metadata, patient, table } = events;
  return { from, length: to, ts, clinician, type, metadata, patient, table };
}

/**
 * The buffers to transfer with a batch (postMessage's transfer list).
 *
 * @example
 * port.postMessage(batch, batchBuffers(batch));
 */
export function batchBuffers(batch: EventBatch): ArrayBuffer[] {
  return [batch.ts, batch.clinician, batch.type, batch.metadata, batch.patient].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

/**
 * Event columns over a received batch's arrays (not copied); a batch starting past 0 keeps its
 * leading events.
 *
 * @example
 * const events = columnsOfBatch(message.batch);
 */
export function columnsOfBatch(batch: EventBatch): EventColumns {
  const events = new EventColumns(1);
  events.ts = batch.ts;
  events.clinician = batch.clinician;
  events.type = batch.type;
  events.metadata = batch.metadata;
  events.patient = batch.patient;
  events.table = batch.table;
  events.length = batch.length;
  return events;
}
