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
 * Copies events `order[from]` … `order[to - 1]` into a batch of their own, in that order.
 *
 * @example
 * const batch = takeBatch(events, order, 0, k);
 * port.postMessage(batch, batchBuffers(batch));
 */
export function takeBatch(events: EventColumns, order: Int32Array, from: number, to: number): EventBatch {
  const n = to - from;
  const batch: EventBatch = {
    length: n,
    ts: new Float64Array(n),
    clinician: new Int32Array(n),
    type: new Uint8Array(n),
    metadata: new Float64Array(n),
    patient: new Int32Array(n),
    table: events.table,
  };
  for (let k = 0; k < n; k++) {
    const i = order[from + k]!;
    batch.ts[k] = events.ts[i]!;
    batch.clinician[k] = events.clinician[i]!;
    batch.type[k] = events.type[i]!;
    batch.metadata[k] = events.metadata[i]!;
    batch.patient[k] = events.patient[i]!;
  }
  return batch;
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
