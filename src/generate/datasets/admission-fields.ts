import { maskedSsnText } from '../../privacy/synthetic-ssn.js';
import { formatTimestamp } from '../output/timestamp-text.js';
import type { Stay } from '../population/stay.js';
import { HOSPITAL_UNITS } from '../reference/hospital-units.js';
import { encounterId } from './record-ids.js';

const DAY = 86_400;

/**
 * One admissions row, as text fields in LANDING_DATASETS.admissions order ('' is null).
 *
 * @example
 * admissionFields(stay); // ['ENC0000000001', '9f…', 'XXX-XX-0831', '2025-03-30 14:02:11', …]
 */
export function admissionFields(stay: Stay): string[] {
  const p = stay.patient;
  return [
    encounterId(stay.seq),
    p.mrnHash,
    maskedSsnText(p.ssnSerial),
    formatTimestamp(stay.admit),
    formatTimestamp(stay.discharge),
    String(Math.floor(stay.discharge / DAY) - Math.floor(stay.admit / DAY)),
    stay.drg.code,
    p.payer,
    stay.readmit ? 'true' : 'false',
    stay.edArrival === null ? '' : formatTimestamp(stay.edArrival),
    stay.disposition,
    String(stay.age),
    p.gender,
    stay.admitType,
    stay.edDecision === null ? '' : formatTimestamp(stay.edDecision),
    HOSPITAL_UNITS[stay.unit]!.name,
    String(stay.charlson),
    String(stay.edVisitsPrior6m),
  ];
}
