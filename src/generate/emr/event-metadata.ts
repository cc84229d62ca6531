import type { Rng } from '../random/rng.js';
import { EVENT_TYPES, LOGIN, OPEN_CHART } from './event-types.js';

const json = (key: string, values: readonly string[]) => values.map((v) => `{"${key}": "${v}"}`);

// Pre-built, so most events need no formatting at all. Single-key objects without commas,
// exactly like the seed sample's metadata column.
const VARIANTS: Readonly<Record<string, readonly string[]>> = {
  ADD_NOTE: json('note_type', ['Progress', 'Consult', 'FollowUp', 'Nursing', 'H&P', 'Discharge']),
  PLACE_ORDER: json('order_type', ['Lab', 'Imaging', 'Medication', 'Referral', 'Consult', 'Diet']),
  VIEW_RESULTS: json('result_type', ['Lab', 'Imaging', 'Pathology', 'ECG', 'Microbiology']),
  VITALS_ENTRY: json('vitals', [
    'BP 120/80',
    'BP 138/86',
    'BP 104/66',
    'HR 88',
    'HR 112',
    'SpO2 97%',
    'Temp 38.4',
  ]),
  MESSAGE_PATIENT: json('channel', ['Portal', 'Phone', 'Secure Chat']),
  MED_ADMIN: json('route', ['IV', 'PO', 'SC', 'IM']),
  VERIFY_ORDER: json('order_type', ['Medication', 'Antibiotic', 'Anticoagulant', 'TPN']),
  CHECK_BILLING: json('status', ['Pending', 'Submitted', 'Denied', 'Paid']),
  RUN_REPORT: json('report_name', ['MonthlyClaims', 'DailyCensus', 'DenialsAging', 'LengthOfStay']),
};
const BY_CODE: readonly (readonly string[])[] = EVENT_TYPES.map((t) => VARIANTS[t] ?? []);
const SIGN_NOTE = EVENT_TYPES.indexOf('SIGN_NOTE');

/** What a metadata code holds (its low 3 bits); the rest of the code is the argument. */
const EMPTY = 0;
const VARIANT = 1;
const CHART = 2;
const WORKSTATION = 3;
const NOTE = 4;

/**
 * Draws the metadata of one event as a number (argument × 8 + kind) instead of text: the JSON is
 * built only when written, and for Parquet once per distinct value per row group. `chart` is the
 * encounter's chart number for OPEN_CHART, `clinician` the roster index (its workstation is in
 * LOGIN metadata).
 *
 * @example
 * const code = drawMetadata(rng, eventTypeCode('SIGN_NOTE'), 0, 3);
 * metadataText(code, roster); // '{"note_id": "N123456"}'
 */
export function drawMetadata(rng: Rng, type: number, chart: number, clinician: number): number {
  if (type === OPEN_CHART) return chart * 8 + CHART;
  if (type === LOGIN) return clinician * 8 + WORKSTATION;
  if (type === SIGN_NOTE) return (100 + rng.int(900_000)) * 8 + NOTE;
  const variants = BY_CODE[type]!;
  if (variants.length === 0) return EMPTY;
  return (type * 64 + rng.int(variants.length)) * 8 + VARIANT;
}

/**
 * The JSON text of a metadata code from drawMetadata.
 *
 * @example
 * metadataText(12 * 8 + 2, roster); // '{"chart_id": "C12"}'
 */
export function metadataText(code: number, roster: readonly { ip: string }[]): string {
  const kind = code % 8;
  const arg = (code - kind) / 8;
  switch (kind) {
    case VARIANT:
      return BY_CODE[Math.floor(arg / 64)]![arg % 64]!;
    case CHART:
      return `{"chart_id": "C${arg}"}`;
    case WORKSTATION:
      return `{"ip_address": "${roster[arg]!.ip}"}`;
    case NOTE:
      return `{"note_id": "N${arg}"}`;
    default:
      return '{}';
  }
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const CHART_PREFIX = ascii('{"chart_id": "C');
const NOTE_PREFIX = ascii('{"note_id": "N');
/** What follows the number of a numbered metadata text (see numberedMetadataPrefix). */
export const NUMBERED_SUFFIX = ascii('"}');

/**
 * For a metadata code whose text is a fixed prefix, the code's argument `Math.floor(code / 8)`
 * in decimal, and NUMBERED_SUFFIX (charts and notes): the prefix as bytes; otherwise undefined.
 * Lets a writer put such text straight into bytes: nearly every note id is a new value.
 *
 * @example
 * numberedMetadataPrefix(12 * 8 + 2); // the bytes of '{"chart_id": "C'
 */
export function numberedMetadataPrefix(code: number): Uint8Array | undefined {
  const kind = code % 8;
  return kind === CHART ? CHART_PREFIX : kind === NOTE ? NOTE_PREFIX : undefined;
}
