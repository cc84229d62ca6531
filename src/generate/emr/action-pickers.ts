import { WeightedPicker } from '../random/weighted-picker.js';
import type { RoleProfile } from '../reference/role-profiles.js';
import { eventTypeCode } from './event-types.js';

/** A role's event-type pickers (codes from EVENT_TYPES) for chart sessions and for other sessions. */
export interface ActionPickers {
  chart: WeightedPicker<number>;
  other: WeightedPicker<number>;
}

const cache = new WeakMap<RoleProfile, ActionPickers>();
const codes = (actions: Readonly<Record<string, number>>) =>
  Object.entries(actions).map(([type, weight]) => [eventTypeCode(type), weight] as const);

/**
 * The event-type pickers of a role, built once per role profile.
 *
 * @example
 * EVENT_TYPES[actionPickers(profile).chart.pick(rng)]; // 'VITALS_ENTRY'
 */
export function actionPickers(profile: RoleProfile): ActionPickers {
  let pickers = cache.get(profile);
  if (pickers === undefined) {
    pickers = {
      chart: new WeightedPicker(codes(profile.chartActions)),
      other: new WeightedPicker(codes(profile.otherActions)),
    };
    cache.set(profile, pickers);
  }
  return pickers;
}
