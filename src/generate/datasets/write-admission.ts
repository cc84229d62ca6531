import type { ParquetDatasetFile } from '../output/parquet-dataset-file.js';
import { HOSPITAL_UNITS } from '../reference/hospital-units.js';
import type { EncounterRow } from './encounter-row.js';
import { ENCOUNTER_ID } from './record-ids.js';

const DAY = 86_400;

/**
 * Writes one admissions row as typed values (the clean Parquet fast path): the same values
 * admissionFields gives as text, in LANDING_DATASETS.admissions order.
 *
 * @example
 * writeAdmission(file, stay);
 */
export function writeAdmission(file: ParquetDatasetFile, stay: EncounterRow): void {
  const p = stay.patient;
  file.sequentialId(0, ENCOUNTER_ID.prefix, ENCOUNTER_ID.digits, stay.seq);
  file.text(1, p.mrnHash);
  file.text(2, p.ssnMasked);
  file.seconds(3, stay.admit);
  file.seconds(4, stay.discharge);
  file.int32(5, Math.floor(stay.discharge / DAY) - Math.floor(stay.admit / DAY));
  file.text(6, stay.drg.code);
  file.text(7, p.payer);
  file.bool(8, stay.readmit);
  if (stay.edArrival === null) file.nul(9);
  else file.seconds(9, stay.edArrival);
  file.text(10, stay.disposition);
  file.int32(11, stay.age);
  file.text(12, p.gender);
  file.text(13, stay.admitType);
  if (stay.edDecision === null) file.nul(14);
  else file.seconds(14, stay.edDecision);
  file.text(15, HOSPITAL_UNITS[stay.unit]!.name);
  file.int32(16, stay.charlson);
  file.int32(17, stay.edVisitsPrior6m);
  file.endRow();
}
