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
 * Column by column, not row by row: each loop reads one batch array and fills one column, where
 * a row touched eighteen of each. The rows must fit in the file's current row group.
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
  for (let i = from; i < to; i++) file.sequentialId(0, ENCOUNTER_ID.prefix, ENCOUNTER_ID.digits, b.seq[i]!);
  if (b.mrnHex.length > 0) for (let i = from; i < to; i++) file.textBytes(1, b.mrnHex, i * 64, 64);
  else {
    const p = x.pseudonyms;
    for (let i = from; i < to; i++) file.textBytes(1, p.hexBytes, p.hexAt(b.patient[i]!), 64);
  }
  for (let i = from; i < to; i++) {
    let serial = b.ssnSerial[i]!;
    for (let k = 10; k > 6; k--) {
      SSN[k] = 48 + (serial % 10);
      serial = Math.floor(serial / 10);
    }
    file.textBytes(2, SSN, 0, SSN.length);
  }
  file.secondsRun(3, b.admit, from, to);
  file.secondsRun(4, b.discharge, from, to);
  for (let i = from; i < to; i++)
    file.int32(5, Math.floor(b.discharge[i]! / DAY) - Math.floor(b.admit[i]! / DAY));
  for (let i = from; i < to; i++) file.code(6, b.drg[i]!, x.drgCodes);
  for (let i = from; i < to; i++) file.code(7, b.payer[i]!, PAYER_NAMES);
  for (let i = from; i < to; i++) file.bool(8, b.readmit[i] === 1);
  optionalSeconds(file, 9, b.edArrival, from, to);
  for (let i = from; i < to; i++) file.code(10, b.disposition[i]!, DISPOSITIONS);
  file.int32Run(11, b.age, from, to);
  for (let i = from; i < to; i++) file.code(12, b.gender[i]!, GENDERS);
  for (let i = from; i < to; i++) file.code(13, b.admitType[i]!, ADMIT_TYPES);
  optionalSeconds(file, 14, b.edDecision, from, to);
  for (let i = from; i < to; i++) file.code(15, b.unit[i]!, UNIT_NAMES);
  file.int32Run(16, b.charlson, from, to);
  file.int32Run(17, b.edVisits, from, to);
  file.endRows(to - from);
}

// A timestamp column where NaN stands for null.
function optionalSeconds(
  file: ParquetDatasetFile,
  column: number,
  v: Float64Array,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) {
    const t = v[i]!;
    if (Number.isNaN(t)) file.nul(column);
    else file.seconds(column, t);
  }
}
