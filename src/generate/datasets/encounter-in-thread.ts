import type { EncounterOutput } from './encounter-output.js';
import { STAYS_PER_BATCH } from './encounter-thread.js';
import type { EncounterWriter } from './encounter-writer.js';
import { newStayBatch, packStay } from './stay-batch.js';

/**
 * The typed admissions and claims writer in this thread, behind the same interface as the
 * worker: stays are packed into the same batches the worker gets, so the bytes are the same.
 *
 * @example
 * const encounters = encountersInThread(new EncounterWriter(dir, 42, counts, x));
 */
export function encountersInThread(writer: EncounterWriter): EncounterOutput {
  const batch = newStayBatch(STAYS_PER_BATCH, false);
  const flush = () => {
    writer.batch(batch);
    batch.length = 0;
  };
  return {
    stay(stays, row) {
      packStay(batch, stays, row, undefined);
      if (batch.length === STAYS_PER_BATCH) flush();
    },
    drain: async () => undefined,
    async close() {
      flush();
      return writer.close();
    },
    abort: async () => {
      writer.close();
    },
  };
}
