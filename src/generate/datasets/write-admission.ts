import type { ParquetDatasetFile } from '../output/parquet-dataset-file.js';
import type { PseudonymCache } from '../population/pseudonym-cache.js';
import { ADMIT_TYPES, DISPOSITIONS, GENDERS, PAYER_NAMES } from '../population/stay-codes.js';
import { HOSPITAL_UNITS } from '../reference/hospital-units.js';
import { ENCOUNTER_ID } from './record-ids.js';
import type { StayBatch } from './stay-batch.js';

const DAY = 86_400;
const UNIT_NAMES = HOSPITAL_UNITS.map((u) => u.name);
// 'XXX-XX-' then four digits, rewritten in place per row.
const SSN = Uint8Array.from('XXX-XX-0000', (c) => c.charCodeAt(0));

/**
 * Writes stays [from, to) of a batch as admissions rows of typed values (the clean Parquet fast
 * path), straight from the batch's columns: codes go to the dictionary by number and the
 * pseudonym (the batch's, or hashed here) and masked SSN as bytes, so no string is built per
 * row. The same values admissionFields gives as text, in LANDING_DATASETS.admissions order.
 * Column by column, each in its own loop in its own function: a loop reads one batch array and
 * fills one column, and the optimizing compiler compiles each loop on its own (one function
 * holding all eighteen was recompiled whole for each loop it first reached). The rows must fit
 * in the file's current row group.
 *
 * @example
 * writeAdmissions(file, batch, 0, batch.length, { drgCodes, pseudonyms });
 */
export function writeAdmissions(
  file: ParquetDatasetFile,
  b: StayBatch,
  from: number,
  to: number,
  x: { drgCodes: readonly string[]; pseudonyms: PseudonymCache },
): void {
  file.sequentialIdRun(0, ENCOUNTER_ID.prefix, ENCOUNTER_ID.digits, b.seq, from, to);
  writePseudonyms(file, b, from, to, x.pseudonyms);
  writeMaskedSsns(file, b.ssnSerial, from, to);
  file.secondsRun(3, b.admit, from, to);
  file.secondsRun(4, b.discharge, from, to);
  writeLosDays(file, b, from, to);
  file.codeRun(6, b.drg, from, to, x.drgCodes);
  file.codeRun(7, b.payer, from, to, PAYER_NAMES);
  file.boolRun(8, b.readmit, from, to);
  file.optionalSecondsRun(9, b.edArrival, from, to);
  file.codeRun(10, b.disposition, from, to, DISPOSITIONS);
  file.int32Run(11, b.age, from, to);
  file.codeRun(12, b.gender, from, to, GENDERS);
  file.codeRun(13, b.admitType, from, to, ADMIT_TYPES);
  file.optionalSecondsRun(14, b.edDecision, from, to);
  file.codeRun(15, b.unit, from, to, UNIT_NAMES);
  file.int32Run(16, b.charlson, from, to);
  file.int32Run(17, b.edVisits, from, to);
  file.endRows(to - from);
}

// mrn_hash: the batch's pseudonyms, or each patient's from the cache.
function writePseudonyms(
  file: ParquetDatasetFile,
  b: StayBatch,
  from: number,
  to: number,
  pseudonyms: PseudonymCache,
): void {
  if (b.mrnHex.length > 0) for (let i = from; i < to; i++) file.textBytes(1, b.mrnHex, i * 64, 64);
  else {
    for (let i = from; i < to; i++)
      file.textBytes(1, pseudonyms.hexBytes, pseudonyms.hexAt(b.patient[i]!), 64);
  }
}

// ssn_masked: 'XXX-XX-' and the serial's four digits.
function writeMaskedSsns(file: ParquetDatasetFile, serials: Int32Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    let serial = serials[i]!;
    for (let k = 10; k > 6; k--) {
      SSN[k] = 48 + (serial % 10);
      serial = Math.floor(serial / 10);
    }
    file.textBytes(2, SSN, 0, SSN.length);
  }
}

// los: whole days between the admit and discharge dates.
function writeLosDays(file: ParquetDatasetFile, b: StayBatch, from: number, to: number): void {
  for (let i = from; i < to; i++)
    file.int32(5, Math.floor(b.discharge[i]! / DAY) - Math.floor(b.admit[i]! / DAY));
}
