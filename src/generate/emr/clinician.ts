import type { Rng } from '../random/rng.js';
import { WeightedPicker } from '../random/weighted-picker.js';
import { FIRST_NAMES, LAST_NAMES } from '../reference/person-names.js';
import { ROLE_PROFILES, type RoleProfile, type ShiftPattern } from '../reference/role-profiles.js';

/** One clinician of the simulated roster. */
export interface Clinician {
  index: number;
  id: number;
  name: string;
  profile: RoleProfile;
  /** The value in clinicians.csv: a personal window, or undefined to inherit the role's. */
  ownThreshold: number | undefined;
  /** The window that actually splits this clinician's sessions, in minutes. */
  threshold: number;
  /** Home unit (index into HOSPITAL_UNITS), or -1 for roles that work hospital-wide. */
  unit: number;
  shift: ShiftPattern;
  /** Workstation address written with LOGIN events. */
  ip: string;
}

/** The first clinician id; ids are consecutive from here. */
export const FIRST_CLINICIAN_ID = 1001;

/**
 * Draws the roster: roles in their usual proportions (every role present once the roster is big
 * enough), names, home units weighted by where the patients are, a fixed shift pattern each, and
 * inactivity windows: most inherit their role's default (written empty, or the default
 * repeated), some have a personal window a few minutes either side.
 *
 * @example
 * const roster = buildRoster(rng, 200, { Nurse: 20, Physician: 30 }, unitShare);
 */
export function buildRoster(
  rng: Rng,
  count: number,
  roleMinutes: Readonly<Record<string, number>>,
  unitShare: readonly number[],
): Clinician[] {
  const rolePicker = new WeightedPicker(ROLE_PROFILES.map((p) => [p, p.share] as const));
  const unitPicker = new WeightedPicker(unitShare.map((s, u) => [u, s] as const));
  // One shift picker per role, not one per clinician: the same draws, and every thread that
  // builds the roster (each EMR thread does) no longer has the optimizing compiler rework a
  // picker constructor that ran thousands of times.
  const shiftPickers = new Map(
    ROLE_PROFILES.map((p) => [p, new WeightedPicker(p.shifts.map((s) => [s, s.weight] as const))]),
  );
  const roster: Clinician[] = [];
  for (let index = 0; index < count; index++) {
    // The first few follow a fixed order, so even a tiny roster has physicians, nurses and admin.
    const profile =
      index < ROLE_PROFILES.length ? ROLE_PROFILES[SMALL_ROSTER_ORDER[index]!]! : rolePicker.pick(rng);
    const roleDefault = roleMinutes[profile.role] ?? profile.defaultInactivityMinutes;
    const u = rng.float();
    const ownThreshold =
      u < 0.3
        ? undefined
        : u < 0.85
          ? roleDefault
          : Math.max(5, roleDefault + [-10, -5, 5, 10, 15][rng.int(5)]!);
    const name = `${FIRST_NAMES[rng.int(FIRST_NAMES.length)]} ${LAST_NAMES[rng.int(LAST_NAMES.length)]}`;
    roster.push({
      index,
      id: FIRST_CLINICIAN_ID + index,
      name: profile.title(name),
      profile,
      ownThreshold,
      threshold: ownThreshold ?? roleDefault,
      unit: profile.unitBound ? unitPicker.pick(rng) : -1,
      shift: shiftPickers.get(profile)!.pick(rng),
      ip: `10.${20 + ROLE_PROFILES.indexOf(profile)}.${(index >> 8) & 255}.${index & 255}`,
    });
  }
  return roster;
}

// Physician, Nurse, Admin, Pharmacist, Resident, Therapist.
const SMALL_ROSTER_ORDER = [0, 2, 5, 3, 1, 4];
