import { grownColumn } from './grown-column.js';

/** ED arrivals a patient's history keeps (prior ED visits look back six months). */
export const ED_HISTORY = 8;
const NONE = Number.NEGATIVE_INFINITY;

/**
 * The simulation's live patients, one column per attribute, addressed by slot: a patient holds
 * a slot from their first arrival until the simulation knows they will not come back in the
 * era, and freed slots are reused (last freed, first reused). So the table holds the patients
 * in hospital or due back, a few tens of thousands at any scale, in a few megabytes that stay in
 * cache: a returning patient's history is a handful of loads from typed arrays, where patient
 * objects scattered over the heap were a cache miss per field and a garbage-collection cost.
 *
 * Guarantee: a slot's columns are written by `claim` and stay the patient's until `release`;
 * columns are replaced (not resized) when the table grows, so read them from the table after
 * any `claim`.
 *
 * @example
 * const patients = new PatientTable();
 * const slot = patients.claim();
 * patients.frailty[slot] = 0.4;
 */
export class PatientTable {
  /** The patient's index (their MRN's source, see mrnForPatient). */
  index = new Float64Array(0);
  /** Serial of the synthetic SSN (only its masked form is ever written). */
  ssnSerial = new Int32Array(0);
  /** Code in GENDERS. */
  gender = new Uint8Array(0);
  /** Code in PAYER_NAMES. */
  payer = new Uint8Array(0);
  /** Age on `firstSeenDay`. */
  ageAtFirst = new Int32Array(0);
  /** Days since 1970-01-01 of the first arrival. */
  firstSeenDay = new Int32Array(0);
  /** Hidden frailty (standard normal): drives comorbidity, ED use and readmission, never written. */
  frailty = new Float64Array(0);
  /** 1 for a patient with cancer. */
  cancer = new Uint8Array(0);
  charlson = new Int32Array(0);
  /**
   * ED arrival times (epoch seconds) of the last ED_HISTORY earlier stays: ED_HISTORY entries
   * per slot, a ring written at `edCount % ED_HISTORY`, -Infinity in unused entries.
   */
  edArrivals = new Float64Array(0);
  edCount = new Int32Array(0);
  /** Catalog index of the previous stay's DRG (-1 before the first). */
  lastDrg = new Int32Array(0);
  /** Discharge of the previous stay (-Infinity before the first, or when it is not written). */
  lastDischarge = new Float64Array(0);
  /** Stays so far, and how many of them were written (not burn-in). */
  stays = new Int32Array(0);
  writtenStays = new Int32Array(0);
  /** Pseudonym, where the simulating thread hashes ('' until the first written stay). */
  mrnHash: string[] = [];
  private free: number[] = [];
  private used = 0;

  /** A slot for a new patient, its history empty; the caller writes who they are. */
  claim(): number {
    const slot = this.free.length > 0 ? this.free.pop()! : this.grow();
    this.edArrivals.fill(NONE, slot * ED_HISTORY, (slot + 1) * ED_HISTORY);
    this.edCount[slot] = 0;
    this.lastDrg[slot] = -1;
    this.lastDischarge[slot] = NONE;
    this.stays[slot] = 0;
    this.writtenStays[slot] = 0;
    this.mrnHash[slot] = '';
    return slot;
  }

  /** Gives back the slot of a patient who will not come back. */
  release(slot: number): void {
    this.free.push(slot);
  }

  /** Slots in use. */
  get live(): number {
    return this.used - this.free.length;
  }

  private grow(): number {
    if (this.used === this.index.length) {
      const n = Math.max(1024, 2 * this.used);
      this.index = grownColumn(this.index, n);
      this.ssnSerial = grownColumn(this.ssnSerial, n);
      this.gender = grownColumn(this.gender, n);
      this.payer = grownColumn(this.payer, n);
      this.ageAtFirst = grownColumn(this.ageAtFirst, n);
      this.firstSeenDay = grownColumn(this.firstSeenDay, n);
      this.frailty = grownColumn(this.frailty, n);
      this.cancer = grownColumn(this.cancer, n);
      this.charlson = grownColumn(this.charlson, n);
      this.edArrivals = grownColumn(this.edArrivals, n * ED_HISTORY);
      this.edCount = grownColumn(this.edCount, n);
      this.lastDrg = grownColumn(this.lastDrg, n);
      this.lastDischarge = grownColumn(this.lastDischarge, n);
      this.stays = grownColumn(this.stays, n);
      this.writtenStays = grownColumn(this.writtenStays, n);
    }
    return this.used++;
  }
}
