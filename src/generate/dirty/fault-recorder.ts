import { TextFileSink } from '../output/text-file-sink.js';
import type { FaultRecord } from './fault-record.js';

/**
 * Records one dataset's injected faults as JSON lines in their own file, counting them by kind.
 * One file per dataset lets each dataset be written by its own thread; the sidecar joins them
 * in a fixed order at the end, so it never depends on which thread ran ahead.
 *
 * @example
 * const recorder = new FaultRecorder('/tmp/run/faults-claims.jsonl');
 * recorder.add({ dataset: 'claims', kind: 'duplicate_row', row: 8, key: 'CLM0000000008', ofRow: 7 });
 * recorder.close();
 */
export class FaultRecorder {
  private readonly sink: TextFileSink;
  /** Faults recorded, by kind. */
  readonly counts: Record<string, number> = {};

  constructor(readonly path: string) {
    this.sink = new TextFileSink(path, 1 << 16);
  }

  add(record: FaultRecord): void {
    this.sink.line(JSON.stringify(record));
    this.counts[record.kind] = (this.counts[record.kind] ?? 0) + 1;
  }

  close(): void {
    this.sink.close();
  }
}
