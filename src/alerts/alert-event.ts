import type { Json } from '@duckdb/node-api';
import type { AlertMatch } from './alert-match.js';
import type { AlertRule } from './alert-rule.js';
import type { RuleReading } from './read-rule-rows.js';

/**
 * One fired alert: what every destination receives (the webhook's JSON body, the log line, the
 * row of lh_gold.dbo.alert_events). It carries the rule, the key, the value, the fields the rule
 * selected (de-identified: what an analyst may see) and its evidence, never raw rows.
 */
export interface AlertEvent {
  alert_id: string;
  rule: string;
  severity: AlertRule['severity'];
  key: string;
  fired_at: string;
  value: number | null;
  message: string;
  fields: Record<string, Json>;
  evidence: RuleReading['evidence'] & { evaluated_at: string; batch_id: string | null; condition: string };
}

/**
 * The alert a match fires. Pure.
 *
 * @example
 * makeAlertEvent(rule, match, 'a1b2', reading.evidence, new Date(), 'batch-7');
 */
export function makeAlertEvent(
  rule: AlertRule,
  match: AlertMatch,
  alertId: string,
  evidence: RuleReading['evidence'],
  firedAt: Date,
  batchId: string | null,
): AlertEvent {
  const condition = describeCondition(rule);
  const what = rule.measure ? rule.measure.name : 'query';
  const message =
    rule.condition.type === 'new_row'
      ? `${rule.description ?? rule.name}: new row ${match.key}`
      : `${rule.description ?? rule.name}: ${what}${rule.condition.type === 'change' ? ' change' : ''} ${round(match.value)} ${condition}${match.key === '*' ? '' : ` (${match.key})`}`;
  return {
    alert_id: alertId,
    rule: rule.name,
    severity: rule.severity,
    key: match.key,
    fired_at: firedAt.toISOString(),
    value: match.value,
    message,
    fields: match.fields,
    evidence: { ...evidence, evaluated_at: firedAt.toISOString(), batch_id: batchId, condition },
  };
}

/** `> 240`, `change over 7 days > 20 %`, `new row`. */
function describeCondition(rule: AlertRule): string {
  const c = rule.condition;
  if (c.type === 'new_row') return 'new row';
  if (c.type === 'threshold') return `${c.op} ${c.value}`;
  return `over ${c.days} day(s) ${c.op} ${c.value}${c.relative ? ' %' : ''}`;
}

function round(v: number | null): string {
  return v === null ? 'null' : String(Math.round(v * 100) / 100);
}
