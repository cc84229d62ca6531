import { centsText } from '../output/cents-text.js';
import { formatDate } from '../output/timestamp-text.js';
import type { Stay } from '../population/stay.js';
import type { ClaimLine } from './plan-claims.js';
import { claimId, encounterId } from './record-ids.js';

/**
 * One claims row, as text fields in LANDING_DATASETS.claims order ('' is null).
 *
 * @example
 * claimFields(0, stay, line); // ['CLM0000000001', 'ENC0000000001', 'Medicare', '99223', …]
 */
export function claimFields(seq: number, stay: Stay, line: ClaimLine): string[] {
  return [
    claimId(seq),
    encounterId(stay.seq),
    stay.patient.payer,
    line.cpt,
    line.icd10,
    centsText(line.billed),
    centsText(line.allowed),
    centsText(line.paid),
    line.denial,
    formatDate(line.serviceDay),
  ];
}
