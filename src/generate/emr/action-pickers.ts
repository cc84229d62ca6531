import { WeightedPicker } from '../random/weighted-picker.js';
import type { RoleProfile } from '../reference/role-profiles.js';

/** A role's event-type pickers for chart sessions and for other sessions. */
export interface ActionPickers {
  chart: WeightedPicker<string>;
  other: WeightedPicker<string>;
}

const cache = new WeakMap<RoleProfile, ActionPickers>();

/**
 * The event-type pickers of a role, built once per role profile.
 *
 * @example
 * actionPickers(profile).chart.pick(rng); // 'VITALS_ENTRY'
 */
export function actionPickers(profile: RoleProfile): ActionPickers {
  let pickers = cache.get(profile);
  if (pickers === undefined) {
    pickers = {
      chart: new WeightedPicker(Object.entries(profile.chartActions)),
      other: new WeightedPicker(Object.entries(profile.otherActions)),
    };
    cache.set(profile, pickers);
  }
  return pickers;
}
