import { DISPOSITIONS } from './disposition-model.js';
import { ADMIT_TYPES, type DrgCatalog } from './drg-catalog.js';
import { grownColumn } from './grown-column.js';
import type { Stay } from './stay.js';
import { GENDERS, PAYER_NAMES } from './stay-codes.js';

/**
 * The stays planned for one simulated day, one typed column per field (text fields as codes,
 * see stay-codes), rows in planning order. Rows carry the patient's identity too, so writers
 * read a stay from this table alone. Reused day after day (`clear`): the simulation allocates
 * nothing per stay, where a stay object per admission (and boxed numbers inside it) was a
 * large share of its time and of garbage collection.
 *
 * @example
 * const stays = new PlannedStays();
 * const row = stays.add();
 * stays.admit[row] = 1_700_000_000;
 */
export class PlannedStays {
  length = 0;
  /** The patient's slot in the PatientTable. */
  slot = new Int32Array(0);
  /** The patient's index, synthetic SSN serial and gender and payer codes. */
  patient = new Float64Array(0);
  ssnSerial = new Int32Array(0);
  gender = new Uint8Array(0);
  payer = new Uint8Array(0);
  /** 0-based position in the admissions file, set when the stay is emitted. */
  seq = new Float64Array(0);
  admitType = new Uint8Array(0);
  /** Index into the DRG catalog's entries. */
  drg = new Int32Array(0);
  /** Index into the DRG's ICD-10 codes. */
  icd10 = new Uint8Array(0);
  unit = new Uint8Array(0);
  /** Epoch seconds; NaN for a stay that did not come through the ED. */
  edArrival = new Float64Array(0);
  edDecision = new Float64Array(0);
  admit = new Float64Array(0);
  discharge = new Float64Array(0);
  los = new Int32Array(0);
  disposition = new Uint8Array(0);
  age = new Int32Array(0);
  charlson = new Int32Array(0);
  edVisits = new Int32Array(0);
  readmit = new Uint8Array(0);
  acuity = new Float64Array(0);
  /** Pseudonym, where the simulating thread hashes. */
  mrnHash: string[] = [];

  /** A new row at the end (its columns hold stale values until written). */
  add(): number {
    if (this.length === this.slot.length) this.grow(Math.max(256, 2 * this.length));
    return this.length++;
  }

  clear(): void {
    this.length = 0;
  }

  /**
   * Row `row` as a Stay object, for consumers that keep stays (the census) or format them as
   * text.
   */
  toStay(row: number, catalog: DrgCatalog): Stay {
    const drg = catalog.entries[this.drg[row]!]!;
    const edArrival = this.edArrival[row]!;
    const edDecision = this.edDecision[row]!;
    return {
      patient: {
        index: this.patient[row]!,
        mrnHash: this.mrnHash[row] ?? '',
        ssnSerial: this.ssnSerial[row]!,
        gender: GENDERS[this.gender[row]!]!,
        payer: PAYER_NAMES[this.payer[row]!]!,
      },
      seq: this.seq[row]!,
      admitType: ADMIT_TYPES[this.admitType[row]!]!,
      drg,
      icd10: drg.icd10[this.icd10[row]!]!,
      unit: this.unit[row]!,
      edArrival: Number.isNaN(edArrival) ? null : edArrival,
      edDecision: Number.isNaN(edDecision) ? null : edDecision,
      admit: this.admit[row]!,
      discharge: this.discharge[row]!,
      los: this.los[row]!,
      disposition: DISPOSITIONS[this.disposition[row]!]!,
      age: this.age[row]!,
      charlson: this.charlson[row]!,
      edVisitsPrior6m: this.edVisits[row]!,
      readmit: this.readmit[row] === 1,
      acuity: this.acuity[row]!,
    };
  }

  private grow(n: number): void {
    this.slot = grownColumn(this.slot, n);
    this.patient = grownColumn(this.patient, n);
    this.ssnSerial = grownColumn(this.ssnSerial, n);
    this.gender = grownColumn(this.gender, n);
    this.payer = grownColumn(this.payer, n);
    this.seq = grownColumn(this.seq, n);
    this.admitType = grownColumn(this.admitType, n);
    this.drg = grownColumn(this.drg, n);
    this.icd10 = grownColumn(this.icd10, n);
    this.unit = grownColumn(this.unit, n);
    this.edArrival = grownColumn(this.edArrival, n);
    this.edDecision = grownColumn(this.edDecision, n);
    this.admit = grownColumn(this.admit, n);
    this.discharge = grownColumn(this.discharge, n);
    this.los = grownColumn(this.los, n);
    this.disposition = grownColumn(this.disposition, n);
    this.age = grownColumn(this.age, n);
    this.charlson = grownColumn(this.charlson, n);
    this.edVisits = grownColumn(this.edVisits, n);
    this.readmit = grownColumn(this.readmit, n);
    this.acuity = grownColumn(this.acuity, n);
  }
}
