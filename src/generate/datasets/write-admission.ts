import type { ParquetDatasetFile } from '../output/parquet-dataset-file.js';
import type { PseudonymCache } from '../population/pseudonym-cache.js';
import { HOSPITAL_UNITS } from '../reference/hospital-units.js';
import { ENCOUNTER_ID } from './record-ids.js';
import type { StayBatch } from './stay-batch.js';
import { ADMIT_TYPES, DISPOSITIONS, GENDERS, PAYER_NAMES } from './stay-codes.js';

const DAY = 86_400;
const UNIT_NAMES = HOSPITAL_UNITS.map((u) => u.name);
// 'XXX-XX-' then four digits, rewritten in place per row.
const SSN = Uint8Array.from('XXX-XX-0000', (c) => c.charCodeAt(0));

/**
 * Writes stay `i` of a batch as one admissions row of typed values (the clean Parquet fast
 * path), straight from the batch's columns: codes go to the dictionary by number and the
 * pseudonym (the batch's, or hashed here) and masked SSN as bytes, so no string is built per row. The same values
 * admissionFields gives as text, in LANDING_DATASETS.admissions order.
 *
 * @example
 * writeAdmission(file, batch, 0, { drgCodes, pseudonyms });
 */
export function writeAdmission(
  file: ParquetDatasetFile,
  b: StayBatch,
  i: number,
  x: { drgCodes: readonly string[]; pseudonyms: PseudonymCache },
): void {
  const admit = b.admit[i]!;
  const discharge = b.discharge[i]!;
  const edArrival = b.edArrival[i]!;
  const edDecision = b.edDecision[i]!;
  file.sequentialId(0, ENCOUNTER_ID.prefix, ENCOUNTER_ID.digits, b.seq[i]!);
  if (b.mrnHex.length > 0) file.textBytes(1, b.mrnHex, i * 64, 64);
  else file.textBytes(1, x.pseudonyms.hexBytes, x.pseudonyms.hexAt(b.patient[i]!), 64);
  let serial = b.ssnSerial[i]!;
  for (let k = 10; k > 6; k--) {
    SSN[k] = 48 + (serial % 10);
    serial = Math.floor(serial / 10);
  }
  file.textBytes(2, SSN, 0, SSN.length);
  file.seconds(3, admit);
  file.seconds(4, discharge);
  file.int32(5, Math.floor(discharge / DAY) - Math.floor(admit / DAY));
  file.code(6, b.drg[i]!, x.drgCodes);
  file.code(7, b.payer[i]!, PAYER_NAMES);
  file.bool(8, b.readmit[i] === 1);
  if (Number.isNaN(edArrival)) file.nul(9);
  else file.seconds(9, edArrival);
  file.code(10, b.disposition[i]!, DISPOSITIONS);
  file.int32(11, b.age[i]!);
  file.code(12, b.gender[i]!, GENDERS);
  file.code(13, b.admitType[i]!, ADMIT_TYPES);
  if (Number.isNaN(edDecision)) file.nul(14);
  else file.seconds(14, edDecision);
  file.code(15, b.unit[i]!, UNIT_NAMES);
  file.int32(16, b.charlson[i]!);
  file.int32(17, b.edVisits[i]!);
  file.endRow();
}
