import type { ParquetDatasetFile } from '../output/parquet-dataset-file.js';
import type { EncounterRow } from './encounter-row.js';
import type { ClaimLine } from './plan-claims.js';
import { CLAIM_ID } from './record-ids.js';

/**
 * Writes one claims row as typed values (the clean Parquet fast path), the encounter id as the
 * bytes of its text: the same values
 * claimFields gives as text, in LANDING_DATASETS.claims order.
 *
 * @example
 * writeClaim(file, 0, stay, encounterIds.of(stay.seq), line);
 */
export function writeClaim(
  file: ParquetDatasetFile,
  seq: number,
  stay: EncounterRow,
  encounter: Uint8Array,
  line: ClaimLine,
): void {
  file.sequentialId(0, CLAIM_ID.prefix, CLAIM_ID.digits, seq);
  file.textBytes(1, encounter, 0, encounter.length);
  file.text(2, stay.patient.payer);
  file.text(3, line.cpt);
  file.text(4, line.icd10);
  file.cents(5, line.billed);
  file.cents(6, line.allowed);
  file.cents(7, line.paid);
  file.text(8, line.denial);
  file.int32(9, line.serviceDay);
  file.endRow();
}
