import { UsageError } from '../errors/usage-error.js';
import { type AlertRule, alertRuleSchema } from './alert-rule.js';

/**
 * Validates alert rules read from `source` (a file name, for messages): an object or an array of
 * them. Each mistake is a UsageError naming the file, the rule and the field. Pure.
 *
 * @example
 * parseAlertRules([{ name: 'ed', measure: { name: 'median_ed_to_admit_minutes' }, condition: { type: 'threshold', op: '>', value: 240 }, destinations: [{ type: 'log' }] }], 'carelake.json');
 */
export function parseAlertRules(value: unknown, source: string): AlertRule[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item, i) => {
    const parsed = alertRuleSchema.safeParse(item);
    if (parsed.success) return parsed.data;
    const name =
      typeof (item as { name?: unknown })?.name === 'string'
        ? `"${(item as { name: string }).name}"`
        : `#${i + 1}`;
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.length ? issue.path.join('.') : 'rule'}: ${issue.message}`)
      .join('; ');
    throw new UsageError(
      `alert rule ${name} in ${source} is invalid: ${problems}; see docs/watch-and-alerts.md`,
    );
  });
}
