import type { Census } from '../population/census.js';
import type { CensusEntry } from '../population/census-entry.js';
import type { Rng } from '../random/rng.js';
import { actionPickers } from './action-pickers.js';
import type { Clinician } from './clinician.js';
import type { EventColumns } from './event-columns.js';
import { drawMetadata } from './event-metadata.js';
import { CHECK_BILLING, LOGIN, LOGOUT, NO_PATIENT, OPEN_CHART } from './event-types.js';
import { betweenSessionGap, withinSessionGap } from './session-gaps.js';

// Reused between shifts: a session's event times.
let times = new Float64Array(256);

/**
 * One clinician's shift of exactly `count` events, appended to `out` in shift order; returns how many work
 * sessions it has (the ground truth a sessionizer should find). The shift opens with LOGIN and
 * closes with LOGOUT; in between, sessions separated by gaps over the clinician's threshold, each
 * a chart session (OPEN_CHART of a patient present on the clinician's unit, then role-specific
 * actions, sometimes switching patient) or other work (schedules, reports). Patients are
 * recorded as their census slot (`slots`, the index in `out.table`).
 *
 * @example
 * const sessions = shiftEvents(rng, clinician, 90, shiftStart, census, out, slots);
 */
export function shiftEvents(
  rng: Rng,
  clinician: Clinician,
  count: number,
  start: number,
  census: Census,
  out: EventColumns,
  slots: ReadonlyMap<CensusEntry, number>,
): number {
  const profile = clinician.profile;
  const limit = clinician.threshold * 60;
  const maxSessions = Math.max(1, Math.floor(clinician.shift.hours * 1.5));
  const wanted = Math.round((count / profile.eventsPerSession) * (0.8 + 0.4 * rng.float()));
  const sessions = Math.min(count, maxSessions, Math.max(1, wanted));
  const sizes = splitEvenly(rng, count, sessions);
  const breaks = (sessions - 1) * (limit + 900);
  const perSession = Math.max(120, (clinician.shift.hours * 3600 - breaks) / sessions);
  const pickers = actionPickers(profile);
  const admin = profile.role === 'Admin';
  let t = start;
  for (let s = 0; s < sessions; s++) {
    const size = sizes[s]!;
    let relogin = false;
    if (s > 0) {
      const gap = betweenSessionGap(rng, limit);
      relogin = gap > limit + 600 && rng.chance(0.3);
      t += gap;
    }
    const median = Math.min(150, Math.max(10, perSession / Math.max(1, size - 1)));
    if (times.length < size) times = new Float64Array(size * 2);
    times[0] = t;
    for (let k = 1; k < size; k++) {
      t += withinSessionGap(rng, median, limit);
      times[k] = t;
    }
    const first = s === 0 || relogin ? 1 : 0;
    const last = s === sessions - 1 && size - first > 0 ? 1 : 0;
    let stay: CensusEntry | undefined;
    let slot = -1;
    const chartSession = !rng.chance(profile.otherSessionShare);
    for (let k = 0; k < size; k++) {
      let type: number;
      let chart = 0;
      if (k < first) type = LOGIN;
      else if (k >= size - last) type = LOGOUT;
      else if (chartSession && (stay === undefined || rng.chance(0.12))) {
        const unit = clinician.unit >= 0 && rng.chance(0.85) ? clinician.unit : -1;
        const picked = census.pickPresent(rng, unit, times[k]!, times[size - 1]!);
        if (picked !== undefined) {
          stay = picked;
          slot = slots.get(picked)!;
        }
        type = stay === undefined ? pickers.other.pick(rng) : admin ? CHECK_BILLING : OPEN_CHART;
        chart = stay === undefined ? 0 : stay.seq + 1;
      } else type = stay === undefined ? pickers.other.pick(rng) : pickers.chart.pick(rng);
      const patient = stay !== undefined && !NO_PATIENT[type] ? slot : -1;
      out.push(times[k]!, clinician.index, type, patient, drawMetadata(rng, type, chart, clinician.index));
    }
  }
  return sessions;
}

// Reused between shifts: session weights and sizes (a shift has at most a few dozen sessions).
let weights = new Float64Array(64);
let sizes = new Int32Array(64);

// `total` split into `parts` sizes of at least 1 that differ by at most a factor of about 2, in
// a scratch array valid until the next call: the arrays this built per shift were a visible
// share of the generating thread's time. Same draws and sums as before.
function splitEvenly(rng: Rng, total: number, parts: number): Int32Array {
  if (weights.length < parts) {
    weights = new Float64Array(parts * 2);
    sizes = new Int32Array(parts * 2);
  }
  let sum = 0;
  for (let i = 0; i < parts; i++) {
    weights[i] = 0.6 + 0.8 * rng.float();
    sum += weights[i]!;
  }
  const spare = total - parts;
  let given = 0;
  for (let i = 0; i < parts; i++) {
    sizes[i] = 1 + Math.floor((spare * weights[i]!) / sum);
    given += sizes[i]!;
  }
  let left = total - given;
  for (let i = 0; left > 0; i = (i + 1) % parts, left--) sizes[i]!++;
  return sizes;
}
