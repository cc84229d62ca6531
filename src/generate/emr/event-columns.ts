/**
 * EMR events as parallel typed columns instead of one object per event: millions of events a
 * day then cost no allocation and no garbage collection, and a batch moves to another thread
 * without copying. The patient is an index into `table` (the pseudonyms of the census the
 * events were drawn from), or -1 for none.
 *
 * @example
 * const events = new EventColumns();
 * events.push(ts, clinicianIndex, typeCode, patientIndex, metadataCode);
 */
export class EventColumns {
  length = 0;
  ts: Float64Array;
  clinician: Int32Array;
  type: Uint8Array;
  metadata: Float64Array;
  patient: Int32Array;
  /** Patient pseudonyms the `patient` indices refer to. */
  table: string[] = [];

  /** Room for `capacity` events before the columns grow. */
  constructor(capacity = 1024) {
    const n = Math.max(1, capacity);
    this.ts = new Float64Array(n);
    this.clinician = new Int32Array(n);
    this.type = new Uint8Array(n);
    this.metadata = new Float64Array(n);
    this.patient = new Int32Array(n);
  }

  push(ts: number, clinician: number, type: number, patient: number, metadata: number): void {
    const i = this.length;
    if (i === this.ts.length) this.grow();
    this.ts[i] = ts;
    this.clinician[i] = clinician;
    this.type[i] = type;
    this.metadata[i] = metadata;
    this.patient[i] = patient;
    this.length = i + 1;
  }

  /** Appends event `i` of `from`, whose patient index is `patient` in this table. */
  copy(from: EventColumns, i: number, patient: number): void {
    this.push(from.ts[i]!, from.clinician[i]!, from.type[i]!, patient, from.metadata[i]!);
  }

  /**
   * Writes events start … end - 1 of `from` at `at` … (within this capacity), patients as they
   * are: a short run one by one, a long one with a block copy per column.
   */
  put(from: EventColumns, start: number, end: number, at: number): void {
    const n = end - start;
    if (n <= 0) return;
    if (n < 64) {
      for (let k = 0; k < n; k++) {
        this.ts[at + k] = from.ts[start + k]!;
        this.clinician[at + k] = from.clinician[start + k]!;
        this.type[at + k] = from.type[start + k]!;
        this.metadata[at + k] = from.metadata[start + k]!;
        this.patient[at + k] = from.patient[start + k]!;
      }
      return;
    }
    this.ts.set(from.ts.subarray(start, end), at);
    this.clinician.set(from.clinician.subarray(start, end), at);
    this.type.set(from.type.subarray(start, end), at);
    this.metadata.set(from.metadata.subarray(start, end), at);
    this.patient.set(from.patient.subarray(start, end), at);
  }

  /** Appends events start … end - 1 of `from`, whose patients index the same table as this one's. */
  append(from: EventColumns, start: number, end: number): void {
    const n = end - start;
    if (n <= 0) return;
    while (this.ts.length < this.length + n) this.grow();
    this.put(from, start, end, this.length);
    this.length += n;
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
    const patient = new Int32Array(n);
    patient.set(this.patient);
    this.patient = patient;
  }
}
