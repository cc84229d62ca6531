import type { DrgCatalog } from '../population/drg-catalog.js';
import type { PseudonymCache } from '../population/pseudonym-cache.js';
import type { Stay } from '../population/stay.js';
import type { EncounterRow } from './encounter-row.js';
import { ADMIT_TYPES, codeOf, DISPOSITIONS, GENDERS, PAYER_NAMES } from './stay-codes.js';

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
 * Appends a stay to a batch; `drgIndex` maps catalog entries to their index. With `pseudonyms`
 * (a batch made withHashes), the patient's pseudonym goes in too.
 *
 * @example
 * packStay(batch, stay, drgIndex, undefined);
 */
export function packStay(
  batch: StayBatch,
  stay: Stay,
  drgIndex: ReadonlyMap<object, number>,
  pseudonyms: PseudonymCache | undefined,
): void {
  const i = batch.length++;
  const p = stay.patient;
  batch.seq[i] = stay.seq;
  batch.patient[i] = p.index;
  batch.admit[i] = stay.admit;
  batch.discharge[i] = stay.discharge;
  batch.edArrival[i] = stay.edArrival ?? Number.NaN;
  batch.edDecision[i] = stay.edDecision ?? Number.NaN;
  batch.los[i] = stay.los;
  batch.age[i] = stay.age;
  batch.charlson[i] = stay.charlson;
  batch.edVisits[i] = stay.edVisitsPrior6m;
  batch.ssnSerial[i] = p.ssnSerial;
  batch.unit[i] = stay.unit;
  batch.readmit[i] = stay.readmit ? 1 : 0;
  batch.payer[i] = codeOf(PAYER_NAMES, p.payer);
  batch.gender[i] = codeOf(GENDERS, p.gender);
  batch.admitType[i] = codeOf(ADMIT_TYPES, stay.admitType);
  batch.disposition[i] = codeOf(DISPOSITIONS, stay.disposition);
  batch.icd10[i] = codeOf(stay.drg.icd10, stay.icd10);
  batch.drg[i] = drgIndex.get(stay.drg)!;
  if (pseudonyms !== undefined) {
    const from = pseudonyms.hexAt(p.index);
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
