import type { EventColumns } from './event-columns.js';

/** Events in file order, as plain typed arrays that move to another thread without copying. */
export interface EventBatch {
  length: number;
  ts: Float64Array;
  clinician: Int32Array;
  type: Uint8Array;
  metadata: Float64Array;
  patient: Int32Array;
  table: string[];
}

/**
 * Events 0 … count - 1 of `events` as a batch, sharing their buffers (not copied): for columns
 * the caller is done with, such as a day's sorted copy (see sortedByTime).
 *
 * @example
 * const batch = eventBatch(sorted, k);
 * port.postMessage(batch, batchBuffers(batch));
 */
export function eventBatch(events: EventColumns, count: number): EventBatch {
  const { ts, clinician, type, metadata, patient, table } = events;
  return { length: count, ts, clinician, type, metadata, patient, table };
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
