import type { Rng } from '../random/rng.js';
import { WeightedPicker } from '../random/weighted-picker.js';
import { CPT_CODES } from '../reference/cpt-codes.js';
import { PAYERS } from '../reference/payers.js';
import type { EncounterRow } from './encounter-row.js';

const DAY = 86_400;

/** One professional claim of an encounter. Amounts in cents; day is days since 1970-01-01. */
export interface ClaimLine {
  cpt: string;
  icd10: string;
  serviceDay: number;
  billed: number;
  allowed: number;
  paid: number;
  denial: string;
}

// Services billed on any day of a stay: daily visits, labs, imaging, consults, therapy.
const DAILY_SERVICES = new WeightedPicker([
  ['99231', 13],
  ['99232', 14],
  ['99233', 13],
  ['80053', 20],
  ['85025', 15],
  ['71045', 10],
  ['93306', 7],
  ['99254', 4],
  ['97161', 4],
]);
const SECONDARY_DX = ['I10', 'E11.9', 'N18.30', 'E78.5', 'J44.9', 'F17.210'];
const denialPickers = new Map(
  Object.values(PAYERS).map((p) => [p.name, new WeightedPicker(Object.entries(p.denialMix))] as const),
);

// The services of the stay being planned: reused scratch (one stay at a time per thread).
const serviceCpt: string[] = [];
const serviceDay: number[] = [];

/**
 * The `count` claims of one stay, each a billed service on a day within the stay: initial
 * hospital care on the admit date, discharge management on the discharge date, the DRG's
 * procedure, the ED visit and critical care where they apply, then daily care, labs and imaging.
 * Each is priced from the chargemaster and adjudicated by the stay's payer: allowed and paid
 * amounts, or a CARC denial code (allowed and paid 0) at the payer's denial rate.
 *
 * Fills lines[0 .. count), reusing the ClaimLine objects already there (adding what is missing):
 * a claim costs no allocation, where arrays of tuples and fresh lines per stay were a large share
 * of the claims writer's time. The lines are valid until the next call with the same array.
 *
 * @example
 * const lines: ClaimLine[] = [];
 * planClaims(rng, stay, 3, lines); // lines[0] = { cpt: '99223', serviceDay: …, denial: '' }, …
 */
export function planClaims(rng: Rng, stay: EncounterRow, count: number, lines: ClaimLine[]): void {
  const admitDay = Math.floor(stay.admit / DAY);
  const dischargeDay = Math.floor(stay.discharge / DAY);
  const span = dischargeDay - admitDay + 1;
  let n = 0;
  const add = (cpt: string, day: number) => {
    serviceCpt[n] = cpt;
    serviceDay[n++] = day;
  };
  add(stay.edArrival !== null ? '99223' : '99222', admitDay);
  add(stay.los > 2 ? '99239' : '99238', dischargeDay);
  if (stay.drg.procedure !== undefined)
    add(stay.drg.procedure, Math.min(dischargeDay, admitDay + rng.int(2)));
  if (stay.edArrival !== null) add(rng.chance(0.6) ? '99285' : '99284', admitDay);
  if (stay.unit === 0) add('99291', admitDay + rng.int(span));
  while (n < count) {
    const cpt = DAILY_SERVICES.pick(rng);
    // A stroke workup images the head; elsewhere the rarest daily service is a therapy evaluation.
    add(cpt === '97161' && stay.drg.code === '065' ? '70450' : cpt, admitDay + rng.int(span));
  }
  const payer = PAYERS[stay.patient.payer]!;
  const paidShare = payer.name === 'Self-Pay' ? 0.45 : 1 - payer.patientShare;
  while (lines.length < count) {
    lines.push({ cpt: '', icd10: '', serviceDay: 0, billed: 0, allowed: 0, paid: 0, denial: '' });
  }
  for (let k = 0; k < count; k++) {
    const cpt = serviceCpt[k]!;
    const line = lines[k]!;
    const billed = Math.round(CPT_CODES[cpt]!.chargeCents * rng.logNormal(1, 0.12));
    const denied = rng.chance(payer.denialRate);
    const allowed = denied ? 0 : Math.round(billed * payer.allowedShare * rng.logNormal(1, 0.06));
    line.cpt = cpt;
    line.icd10 = rng.chance(0.8) ? stay.icd10 : SECONDARY_DX[rng.int(SECONDARY_DX.length)]!;
    line.serviceDay = serviceDay[k]!;
    line.billed = billed;
    line.allowed = allowed;
    line.paid = denied ? 0 : Math.round(allowed * paidShare);
    line.denial = denied ? denialPickers.get(payer.name)!.pick(rng) : '';
  }
}
