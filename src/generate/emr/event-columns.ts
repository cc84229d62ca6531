/**
 * EMR events as parallel typed columns instead of one object per event: millions of events a
 * day then cost no allocation and no garbage collection. Patient ids are string references
 * ('' for none) to hashes the census already holds.
 *
 * @example
 * const events = new EventColumns();
 * events.push(ts, clinicianIndex, typeCode, mrnHash, metadataCode);
 */
export class EventColumns {
  length = 0;
  ts = new Float64Array(1024);
  clinician = new Int32Array(1024);
  type = new Uint8Array(1024);
  metadata = new Float64Array(1024);
  patient: string[] = [];

  push(ts: number, clinician: number, type: number, patient: string, metadata: number): void {
    const i = this.length;
    if (i === this.ts.length) this.grow();
    this.ts[i] = ts;
    this.clinician[i] = clinician;
    this.type[i] = type;
    this.metadata[i] = metadata;
    this.patient[i] = patient;
    this.length = i + 1;
  }

  /** Appends event `i` of `from`. */
  copy(from: EventColumns, i: number): void {
    this.push(from.ts[i]!, from.clinician[i]!, from.type[i]!, from.patient[i]!, from.metadata[i]!);
  }

  clear(): void {
    this.length = 0;
  }

  private grow(): void {
    const n = this.ts.length * 2;
    const ts = new Float64Array(n);
    ts.set(this.ts);
    this.ts = ts;
    const clinician = new Int32Array(n);
    clinician.set(this.clinician);
    this.clinician = clinician;
    const type = new Uint8Array(n);
    type.set(this.type);
    this.type = type;
    const metadata = new Float64Array(n);
    metadata.set(this.metadata);
    this.metadata = metadata;
  }
}
