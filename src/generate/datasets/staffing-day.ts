import { formatDate } from '../output/timestamp-text.js';
import type { Census } from '../population/census.js';
import type { Rng } from '../random/rng.js';
import { HOSPITAL_UNITS, SHIFTS } from '../reference/hospital-units.js';

const DAY = 86_400;

/**
 * The staffing rows of one day, unit by unit and shift by shift (without staffing_id, which the
 * writer adds). patient_count is the unit's census at the start of the shift; RNs are rostered
 * to the unit's target ratio, with the short-staffed shifts real rosters have (more often at
 * night) and the occasional extra nurse; acuity is the mean acuity of the patients present.
 *
 * @example
 * staffingDay(rng, census, dayStart, { ICU: 2 }); // 18 rows: [unit, shift, date, count, rns, acuity, ratio]
 */
export function staffingDay(
  rng: Rng,
  census: Census,
  dayStart: number,
  ratioLimits: Readonly<Record<string, number>>,
): string[][] {
  const rows: string[][] = [];
  const date = formatDate(Math.floor(dayStart / DAY));
  HOSPITAL_UNITS.forEach((unit, u) => {
    const target = ratioLimits[unit.name] ?? unit.patientsPerRn;
    for (const shift of SHIFTS) {
      const time = dayStart + shift.startHour * 3600;
      const patients = census.countInUnit(u, time);
      let rns = Math.max(1, Math.ceil(patients / target));
      const r = rng.float();
      if (r < (shift.name === 'Night' ? 0.16 : 0.09)) rns = Math.max(1, rns - 1);
      else if (r > 0.93) rns++;
      const acuity = patients === 0 ? 1 : census.meanAcuity(u, time);
      rows.push([
        unit.name,
        shift.name,
        date,
        String(patients),
        String(rns),
        (Math.round(acuity * 100) / 100).toFixed(2),
        (Math.round((patients / rns) * 100) / 100).toFixed(2),
      ]);
    }
  });
  return rows;
}
