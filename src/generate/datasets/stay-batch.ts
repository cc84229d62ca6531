import type { DrgCatalog } from '../population/drg-catalog.js';
import type { PlannedStays } from '../population/planned-stays.js';
import type { PseudonymCache } from '../population/pseudonym-cache.js';
import { PAYER_NAMES } from '../population/stay-codes.js';
import type { EncounterRow } from './encounter-row.js';

/** Bytes of a pseudonym (SHA-256 in hex). */
const HEX = 64;

/**
 * Stays as columns of numbers only (text fields as codes, see stay-codes): typed arrays are
 * transferred to the encounter worker, where strings were copied one by one.
 */
export interface StayBatch {
  length: number;
  seq: Float64Array;
  /** Patient index: the writer hashes its MRN (see PseudonymCache). */
  patient: Float64Array;
  admit: Float64Array;
  discharge: Float64Array;
  /** NaN for none. */
  edArrival: Float64Array;
  edDecision: Float64Array;
  los: Int32Array;
  age: Int32Array;
  charlson: Int32Array;
  edVisits: Int32Array;
  ssnSerial: Int32Array;
  unit: Uint8Array;
  readmit: Uint8Array;
  payer: Uint8Array;
  gender: Uint8Array;
  admitType: Uint8Array;
  disposition: Uint8Array;
  /** Index into the DRG's ICD-10 codes. */
  icd10: Uint8Array;
  /** Index into the DRG catalog's entries. */
  drg: Int32Array;
  /**
   * Each stay's pseudonym, 64 hex bytes, when the packing thread hashes (see EncounterThread);
   * empty when the writer does.
   */
  mrnHex: Uint8Array;
}

/**
 * An empty batch for up to `capacity` stays, with room for their pseudonyms when `withHashes`.
 *
 * @example
 * const batch = newStayBatch(4096, false);
 */
export function newStayBatch(capacity: number, withHashes: boolean): StayBatch {
  return {
    length: 0,
    seq: new Float64Array(capacity),
    patient: new Float64Array(capacity),
    admit: new Float64Array(capacity),
    discharge: new Float64Array(capacity),
    edArrival: new Float64Array(capacity),
    edDecision: new Float64Array(capacity),
    los: new Int32Array(capacity),
    age: new Int32Array(capacity),
    charlson: new Int32Array(capacity),
    edVisits: new Int32Array(capacity),
    ssnSerial: new Int32Array(capacity),
    unit: new Uint8Array(capacity),
    readmit: new Uint8Array(capacity),
    payer: new Uint8Array(capacity),
    gender: new Uint8Array(capacity),
    admitType: new Uint8Array(capacity),
    disposition: new Uint8Array(capacity),
    icd10: new Uint8Array(capacity),
    drg: new Int32Array(capacity),
    mrnHex: new Uint8Array(withHashes ? capacity * HEX : 0),
  };
}

/**
 * Appends row `row` of the day's planned stays to a batch. With `pseudonyms` (a batch made
 * withHashes), the patient's pseudonym goes in too.
 *
 * @example
 * packStay(batch, stays, row, undefined);
 */
export function packStay(
  batch: StayBatch,
  stays: PlannedStays,
  row: number,
  pseudonyms: PseudonymCache | undefined,
): void {
  const i = batch.length++;
  const patient = stays.patient[row]!;
  batch.seq[i] = stays.seq[row]!;
  batch.patient[i] = patient;
  batch.admit[i] = stays.admit[row]!;
  batch.discharge[i] = stays.discharge[row]!;
  batch.edArrival[i] = stays.edArrival[row]!;
  batch.edDecision[i] = stays.edDecision[row]!;
  batch.los[i] = stays.los[row]!;
  batch.age[i] = stays.age[row]!;
  batch.charlson[i] = stays.charlson[row]!;
  batch.edVisits[i] = stays.edVisits[row]!;
  batch.ssnSerial[i] = stays.ssnSerial[row]!;
  batch.unit[i] = stays.unit[row]!;
  batch.readmit[i] = stays.readmit[row]!;
  batch.payer[i] = stays.payer[row]!;
  batch.gender[i] = stays.gender[row]!;
  batch.admitType[i] = stays.admitType[row]!;
  batch.disposition[i] = stays.disposition[row]!;
  batch.icd10[i] = stays.icd10[row]!;
  batch.drg[i] = stays.drg[row]!;
  if (pseudonyms !== undefined) {
    const from = pseudonyms.hexAt(patient);
    const bytes = pseudonyms.hexBytes;
    const to = batch.mrnHex;
    for (let k = 0; k < HEX; k++) to[i * HEX + k] = bytes[from + k]!;
  }
}

/**
 * An empty EncounterRow for fillEncounterRow to reuse (one per writer, not one per stay).
 *
 * @example
 * const row = newEncounterRow(catalog);
 */
export function newEncounterRow(catalog: DrgCatalog): EncounterRow {
  const drg = catalog.entries[0]!;
  return {
    seq: 0,
    drg,
    icd10: '',
    unit: 0,
    edArrival: null,
    admit: 0,
    discharge: 0,
    los: 0,
    patient: { payer: '' },
  };
}

/**
 * Overwrites `row` with what the claims of stay `i` of a batch are drawn from.
 *
 * @example
 * planClaims(rng, fillEncounterRow(row, batch, 0, catalog), 3, lines);
 */
export function fillEncounterRow(
  row: EncounterRow,
  batch: StayBatch,
  i: number,
  catalog: DrgCatalog,
): EncounterRow {
  const edArrival = batch.edArrival[i]!;
  const drg = catalog.entries[batch.drg[i]!]!;
  row.seq = batch.seq[i]!;
  row.drg = drg;
  row.icd10 = drg.icd10[batch.icd10[i]!]!;
  row.unit = batch.unit[i]!;
  row.edArrival = Number.isNaN(edArrival) ? null : edArrival;
  row.admit = batch.admit[i]!;
  row.discharge = batch.discharge[i]!;
  row.los = batch.los[i]!;
  row.patient.payer = PAYER_NAMES[batch.payer[i]!]!;
  return row;
}

/**
 * The buffers to transfer with a batch (postMessage's transfer list).
 *
 * @example
 * port.postMessage(batch, stayBatchBuffers(batch));
 */
export function stayBatchBuffers(b: StayBatch): ArrayBuffer[] {
  return Object.values(b)
    .filter((v): v is ArrayBufferView => ArrayBuffer.isView(v))
    .map((a) => a.buffer as ArrayBuffer);
}
