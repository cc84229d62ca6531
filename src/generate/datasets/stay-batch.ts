import type { DrgCatalog } from '../population/drg-catalog.js';
import type { PseudonymCache } from '../population/pseudonym-cache.js';
import type { Stay } from '../population/stay.js';
import type { EncounterRow } from './encounter-row.js';

/** Stays as columns: cheap to send to the encounter worker (typed arrays are transferred). */
export interface StayBatch {
  length: number;
  seq: Float64Array;
  /** Patient index, for the worker to hash when the pseudonym is '' (see PseudonymCache). */
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
  unit: Uint8Array;
  readmit: Uint8Array;
  /** Index into the DRG catalog's entries. */
  drg: Int32Array;
  text: string[];
}

// Text fields per stay, in this order, in `text`.
const TEXT = 7;

/**
 * An empty batch for up to `capacity` stays.
 *
 * @example
 * const batch = newStayBatch(4096);
 */
export function newStayBatch(capacity: number): StayBatch {
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
    unit: new Uint8Array(capacity),
    readmit: new Uint8Array(capacity),
    drg: new Int32Array(capacity),
    text: [],
  };
}

/**
 * Appends a stay to a batch; `drgIndex` maps catalog entries to their index.
 *
 * @example
 * packStay(batch, stay, drgIndex);
 */
export function packStay(batch: StayBatch, stay: Stay, drgIndex: ReadonlyMap<object, number>): void {
  const i = batch.length++;
  batch.seq[i] = stay.seq;
  batch.patient[i] = stay.patient.index;
  batch.admit[i] = stay.admit;
  batch.discharge[i] = stay.discharge;
  batch.edArrival[i] = stay.edArrival ?? Number.NaN;
  batch.edDecision[i] = stay.edDecision ?? Number.NaN;
  batch.los[i] = stay.los;
  batch.age[i] = stay.age;
  batch.charlson[i] = stay.charlson;
  batch.edVisits[i] = stay.edVisitsPrior6m;
  batch.unit[i] = stay.unit;
  batch.readmit[i] = stay.readmit ? 1 : 0;
  batch.drg[i] = drgIndex.get(stay.drg)!;
  const p = stay.patient;
  batch.text.push(p.mrnHash, p.ssnMasked, p.payer, p.gender, stay.admitType, stay.disposition, stay.icd10);
}

/**
 * Stay `i` of a batch, rebuilt with what the admissions and claims writers read.
 *
 * @example
 * writeAdmission(file, unpackStay(batch, 0, catalog, pseudonyms));
 */
export function unpackStay(
  batch: StayBatch,
  i: number,
  catalog: DrgCatalog,
  pseudonyms: PseudonymCache | undefined,
): EncounterRow {
  const t = batch.text;
  const at = i * TEXT;
  const edArrival = batch.edArrival[i]!;
  const edDecision = batch.edDecision[i]!;
  return {
    seq: batch.seq[i]!,
    admit: batch.admit[i]!,
    discharge: batch.discharge[i]!,
    edArrival: Number.isNaN(edArrival) ? null : edArrival,
    edDecision: Number.isNaN(edDecision) ? null : edDecision,
    los: batch.los[i]!,
    age: batch.age[i]!,
    charlson: batch.charlson[i]!,
    edVisitsPrior6m: batch.edVisits[i]!,
    unit: batch.unit[i]!,
    readmit: batch.readmit[i] === 1,
    drg: catalog.entries[batch.drg[i]!]!,
    patient: {
      mrnHash: t[at] || (pseudonyms?.of(batch.patient[i]!) ?? ''),
      ssnMasked: t[at + 1]!,
      payer: t[at + 2]!,
      gender: t[at + 3] as 'F' | 'M' | 'U',
    },
    admitType: t[at + 4] as EncounterRow['admitType'],
    disposition: t[at + 5] as EncounterRow['disposition'],
    icd10: t[at + 6]!,
  };
}

/**
 * The buffers to transfer with a batch (postMessage's transfer list).
 *
 * @example
 * port.postMessage(batch, stayBatchBuffers(batch));
 */
export function stayBatchBuffers(b: StayBatch): ArrayBuffer[] {
  return [
    b.seq,
    b.patient,
    b.admit,
    b.discharge,
    b.edArrival,
    b.edDecision,
    b.los,
    b.age,
    b.charlson,
    b.edVisits,
    b.unit,
    b.readmit,
    b.drg,
  ].map((a) => a.buffer as ArrayBuffer);
}
