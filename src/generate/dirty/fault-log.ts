import { TextFileSink } from '../output/text-file-sink.js';
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

/**
 * Streams the sidecar `_injected_faults.json`: run parameters, one fault per line (so even a
 * large run's sidecar never sits in memory), then per-dataset totals.
 *
 * @example
 * const log = new FaultLog(path, { seed: 42, rate: 0.02, format: 'csv' });
 * log.add({ dataset: 'claims', kind: 'duplicate_row', row: 8, key: 'CLM0000000008', ofRow: 7 });
 * log.close({ claims: 25_000 });
 */
export class FaultLog {
  private readonly sink: TextFileSink;
  private count = 0;
  private readonly totals = new Map<string, Map<string, number>>();

  constructor(path: string, header: { seed: number; rate: number; format: string }) {
    this.sink = new TextFileSink(path, 1 << 16);
    this.sink.line('{');
    this.sink.line(`  "generator": "carelake generate",`);
    this.sink.line(`  "seed": ${header.seed},`);
    this.sink.line(`  "rate": ${header.rate},`);
    this.sink.line(`  "format": ${JSON.stringify(header.format)},`);
    this.sink.line('  "faults": [');
  }

  /** Faults recorded so far. */
  get total(): number {
    return this.count;
  }

  add(record: FaultRecord): void {
    this.sink.line(`${this.count++ === 0 ? '    ' : '    ,'}${JSON.stringify(record)}`);
    const perDataset = this.totals.get(record.dataset) ?? new Map<string, number>();
    perDataset.set(record.kind, (perDataset.get(record.kind) ?? 0) + 1);
    this.totals.set(record.dataset, perDataset);
  }

  /** Ends the file with totals; `rows` is each dataset's written row count. */
  close(rows: Readonly<Record<string, number>>): void {
    const summary: Record<string, { rows: number; faults: Record<string, number> }> = {};
    for (const [dataset, n] of Object.entries(rows)) {
      summary[dataset] = { rows: n, faults: Object.fromEntries(this.totals.get(dataset) ?? []) };
    }
    this.sink.line('  ],');
    this.sink.line(`  "total": ${this.count},`);
    this.sink.line(`  "summary": ${JSON.stringify(summary)}`);
    this.sink.line('}');
    this.sink.close();
  }
}
