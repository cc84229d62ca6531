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

/**
 * The `count` claims of one stay, each a billed service on a day within the stay: initial
 * hospital care on the admit date, discharge management on the discharge date, the DRG's
 * procedure, the ED visit and critical care where they apply, then daily care, labs and imaging.
 * Each is priced from the chargemaster and adjudicated by the stay's payer: allowed and paid
 * amounts, or a CARC denial code (allowed and paid 0) at the payer's denial rate.
 *
 * @example
 * planClaims(rng, stay, 3); // [{ cpt: '99223', serviceDay: …, denial: '' }, …]
 */
export function planClaims(rng: Rng, stay: EncounterRow, count: number): ClaimLine[] {
  const admitDay = Math.floor(stay.admit / DAY);
  const dischargeDay = Math.floor(stay.discharge / DAY);
  const anyDay = () => admitDay + rng.int(dischargeDay - admitDay + 1);
  const services: [string, number][] = [[stay.edArrival !== null ? '99223' : '99222', admitDay]];
  services.push([stay.los > 2 ? '99239' : '99238', dischargeDay]);
  if (stay.drg.procedure !== undefined)
    services.push([stay.drg.procedure, Math.min(dischargeDay, admitDay + rng.int(2))]);
  if (stay.edArrival !== null) services.push([rng.chance(0.6) ? '99285' : '99284', admitDay]);
  if (stay.unit === 0) services.push(['99291', anyDay()]);
  while (services.length < count) {
    const cpt = DAILY_SERVICES.pick(rng);
    // A stroke workup images the head; elsewhere the rarest daily service is a therapy evaluation.
    services.push([cpt === '97161' && stay.drg.code === '065' ? '70450' : cpt, anyDay()]);
  }
  const payer = PAYERS[stay.patient.payer]!;
  return services.slice(0, count).map(([cpt, serviceDay]) => {
    const billed = Math.round(CPT_CODES[cpt]!.chargeCents * rng.logNormal(1, 0.12));
    const denied = rng.chance(payer.denialRate);
    const allowed = denied ? 0 : Math.round(billed * payer.allowedShare * rng.logNormal(1, 0.06));
    return {
      cpt,
      icd10: rng.chance(0.8) ? stay.icd10 : SECONDARY_DX[rng.int(SECONDARY_DX.length)]!,
      serviceDay,
      billed,
      allowed,
      paid: denied ? 0 : Math.round(allowed * (payer.name === 'Self-Pay' ? 0.45 : 1 - payer.patientShare)),
      denial: denied ? denialPickers.get(payer.name)!.pick(rng) : '',
    };
  });
}
