import type { LandingDataset } from '../datasets/landing-schemas.js';
import type { Rng } from '../random/rng.js';
import { applicableFaults, type FaultKind } from './fault-kind.js';
import type { FaultRecorder } from './fault-recorder.js';
import { malformedValue } from './malformed-value.js';
import { type AdmissionColumns, redeliverAdmission } from './redeliver-admission.js';

/** A row held back, to be written later (re-delivery, out-of-order event). */
interface Delayed {
  fields: string[];
  wait: number;
  kind: FaultKind;
  key: string;
  ofRow?: number;
  changed?: string[];
  /**
   * Out-of-order rows wait until a row with a later timestamp has gone by (or the file ends), so
   * that they land after rows that follow them in time, not just after ties.
   */
  after?: string;
  passedLater: boolean;
}

/**
 * Sits between a dataset's rows and its file and, with probability `rate` per row, injects one
 * of the faults applicable to the dataset and format, recording each with the
 * row it ended up on. Its random stream is its own, so clean rows are byte-identical to a run
 * without --dirty.
 *
 * @example
 * const injector = new FaultInjector(rng, LANDING_DATASETS.claims, 'csv', 0.02, recorder, (f) => file.row(f));
 * injector.write(fields);
 * injector.finish();
 */
export class FaultInjector {
  private readonly kinds: FaultKind[];
  private readonly keyAt: number;
  private readonly timeAt: number;
  private readonly admission: AdmissionColumns;
  private delayed: Delayed[] = [];

  constructor(
    private readonly rng: Rng,
    private readonly dataset: LandingDataset,
    private readonly format: 'csv' | 'parquet',
    private readonly rate: number,
    private readonly log: FaultRecorder,
    private readonly out: (fields: string[]) => number,
  ) {
    this.kinds = applicableFaults(dataset.name, format);
    const at = (name: string) => dataset.columns.findIndex((c) => c.name === name);
    this.keyAt = at(dataset.key);
    this.timeAt = at('event_timestamp');
    this.admission = {
      admit: at('admit_dt'),
      discharge: at('discharge_dt'),
      los: at('los'),
      payer: at('payer'),
      disposition: at('disposition'),
    };
  }

  write(fields: string[]): void {
    if (this.rate > 0 && this.rng.float() < this.rate) this.inject(fields);
    else this.emit(fields, true);
  }

  /** Writes the rows still held back. */
  finish(): void {
    const rest = this.delayed;
    this.delayed = [];
    for (const d of rest) this.release(d);
  }

  private inject(fields: string[]): void {
    const kind = this.kinds[this.rng.int(this.kinds.length)]!;
    const key = fields[this.keyAt]!;
    const record = (row: number, extra: object = {}) =>
      this.log.add({ dataset: this.dataset.name, kind, row, key, ...extra });
    switch (kind) {
      case 'duplicate_row': {
        const ofRow = this.emit(fields);
        record(this.emit([...fields]), { ofRow });
        return;
      }
      case 'redelivered_encounter': {
        const ofRow = this.emit(fields);
        const { fields: amended, changed } = redeliverAdmission(this.rng, fields, this.admission);
        this.hold({
          fields: amended,
          wait: 1 + this.rng.int(200),
          kind,
          key,
          ofRow,
          changed,
          passedLater: false,
        });
        return;
      }
      case 'negative_los': {
        const { admit, discharge, los } = this.admission;
        [fields[admit], fields[discharge]] = [fields[discharge]!, fields[admit]!];
        fields[los] = String(-Number(fields[los]));
        record(this.emit(fields));
        return;
      }
      case 'malformed_timestamp': {
        const candidates = this.columnsWhere(
          (c, i) => (c.type === 'TIMESTAMPTZ' || c.type === 'DATE') && fields[i] !== '',
        );
        const i = candidates[this.rng.int(candidates.length)]!;
        fields[i] = malformedValue(this.rng, this.dataset.columns[i]!.type, this.format);
        record(this.emit(fields), { field: this.dataset.columns[i]!.name, value: fields[i] });
        return;
      }
      case 'unknown_clinician': {
        const i = this.columnsWhere((c) => c.name === 'clinician_id')[0]!;
        fields[i] = String(900_000 + this.rng.int(100_000));
        record(this.emit(fields), { field: 'clinician_id', value: fields[i] });
        return;
      }
      case 'missing_required_field': {
        const candidates = this.columnsWhere((c) => c.required);
        const i = candidates[this.rng.int(candidates.length)]!;
        fields[i] = '';
        record(this.emit(fields), { field: this.dataset.columns[i]!.name });
        return;
      }
      case 'out_of_order_event':
        this.hold({
          fields,
          wait: 1 + this.rng.int(500),
          kind,
          key,
          after: fields[this.timeAt],
          passedLater: false,
        });
        return;
      case 'wrong_field_count': {
        if (this.rng.chance(0.5)) fields.push('EXTRA');
        else fields.pop();
        record(this.emit(fields), { fieldCount: fields.length });
        return;
      }
    }
  }

  private columnsWhere(test: (c: LandingDataset['columns'][number], i: number) => boolean): number[] {
    const out: number[] = [];
    this.dataset.columns.forEach((c, i) => {
      if (test(c, i)) out.push(i);
    });
    return out;
  }

  private hold(d: Delayed): void {
    this.delayed.push(d);
  }

  /**
   * Writes a row, then lets held rows whose wait is over follow it. Only clean rows (`trusted`)
   * count as "a later timestamp went by": a faulty one may carry a bogus time.
   */
  private emit(fields: string[], trusted = false): number {
    const row = this.out(fields);
    if (this.delayed.length > 0) {
      const time = trusted && this.timeAt >= 0 ? fields[this.timeAt]! : '';
      const due: Delayed[] = [];
      this.delayed = this.delayed.filter((d) => {
        d.wait--;
        if (d.after !== undefined && time > d.after) d.passedLater = true;
        const ready = d.wait <= 0 && (d.after === undefined || d.passedLater);
        if (ready) due.push(d);
        return !ready;
      });
      for (const d of due) this.release(d);
    }
    return row;
  }

  private release(d: Delayed): void {
    const row = this.out(d.fields);
    const extra: { ofRow?: number; changed?: string[] } = {};
    if (d.ofRow !== undefined) extra.ofRow = d.ofRow;
    if (d.changed !== undefined) extra.changed = d.changed;
    this.log.add({ dataset: this.dataset.name, kind: d.kind, row, key: d.key, ...extra });
  }
}
