import type { Rng } from '../random/rng.js';

const json = (key: string, values: readonly string[]) => values.map((v) => `{"${key}": "${v}"}`);

// Pre-built, so the hot loop copies a reference instead of formatting JSON. Single-key objects
// without commas, exactly like the seed sample's metadata column.
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

/**
 * The metadata JSON of one event. `chart` is the encounter's chart number for OPEN_CHART, `ip`
 * the workstation for LOGIN (plain arguments: this runs once per event).
 *
 * @example
 * eventMetadata(rng, 'OPEN_CHART', 12, '10.20.0.1'); // '{"chart_id": "C12"}'
 */
export function eventMetadata(rng: Rng, type: string, chart: number, ip: string): string {
  switch (type) {
    case 'OPEN_CHART':
      return `{"chart_id": "C${chart}"}`;
    case 'LOGIN':
      return `{"ip_address": "${ip}"}`;
    case 'SIGN_NOTE':
      return `{"note_id": "N${100 + rng.int(900_000)}"}`;
    default: {
      const variants = VARIANTS[type];
      return variants === undefined ? '{}' : variants[rng.int(variants.length)]!;
    }
  }
}
