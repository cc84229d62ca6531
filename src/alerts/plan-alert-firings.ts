import type { AlertMatch } from './alert-match.js';
import type { AlertRule } from './alert-rule.js';

/** A rule's remembered conditions: each key that currently holds, with the alert it fired. */
export interface RuleState {
  active: Record<string, string>;
}

/**
 * Which matches fire. An alert fires once per new condition: a key that already held at the
 * last evaluation does not fire again; a key whose condition cleared is forgotten, so it fires
 * again if it comes back. A new_row rule's first evaluation (no state yet) makes the rows
 * already there its baseline and fires none, unless `fire_existing`. Pure.
 *
 * @example
 * planAlertFirings(rule, { active: { 'unit=ICU': 'a1' } }, matches, () => crypto.randomUUID());
 */
export function planAlertFirings(
  rule: AlertRule,
  prior: RuleState | undefined,
  matches: readonly AlertMatch[],
  newId: () => string,
): { fire: { match: AlertMatch; alertId: string }[]; next: RuleState } {
  const baseline = prior === undefined && rule.condition.type === 'new_row' && !rule.fire_existing;
  const active: Record<string, string> = {};
  const fire: { match: AlertMatch; alertId: string }[] = [];
  for (const match of matches) {
    if (active[match.key] !== undefined) continue;
    const held = prior?.active[match.key];
    if (held !== undefined) active[match.key] = held;
    else if (baseline) active[match.key] = 'baseline';
    else {
      const alertId = newId();
      active[match.key] = alertId;
      fire.push({ match, alertId });
    }
  }
  return { fire, next: { active } };
}
