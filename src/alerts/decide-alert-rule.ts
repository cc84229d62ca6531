import { randomUUID } from 'node:crypto';
import type { DuckDbEngine } from '../engine/duckdb/duckdb-engine.js';
import type { Lake } from '../lakehouse/read-lake.js';
import { type AlertEvent, makeAlertEvent } from './alert-event.js';
import { type AlertMatch, matchAlertCondition } from './alert-match.js';
import type { AlertRule } from './alert-rule.js';
import { planAlertFirings, type RuleState } from './plan-alert-firings.js';
import { type RuleReading, readRuleRows } from './read-rule-rows.js';

/** What evaluating one rule now decides. */
export interface RuleDecision {
  reading: RuleReading;
  /** The alerts that fire (new conditions). */
  fire: AlertEvent[];
  /** Matches that already fired while their condition held (deduplicated). */
  held: AlertMatch[];
  /** True when this evaluation only records a new_row rule's baseline. */
  baseline: boolean;
  next: RuleState;
}

/**
 * Reads a rule's rows now, matches its condition and decides what fires against the rule's
 * remembered state. Writes nothing: `carelake alerts test` shows the decision, a run records
 * and delivers it.
 *
 * @example
 * const d = await decideAlertRule(engine, lake, rule, state.rules[rule.name], new Date(), null);
 */
export async function decideAlertRule(
  engine: DuckDbEngine,
  lake: Lake,
  rule: AlertRule,
  prior: RuleState | undefined,
  now: Date,
  batchId: string | null,
): Promise<RuleDecision> {
  const reading = await readRuleRows(engine, lake, rule, now);
  const matches = matchAlertCondition(rule, reading);
  const plan = planAlertFirings(rule, prior, matches, randomUUID);
  const fired = new Set(plan.fire.map((f) => f.match.key));
  return {
    reading,
    fire: plan.fire.map((f) => makeAlertEvent(rule, f.match, f.alertId, reading.evidence, now, batchId)),
    held: matches.filter((m) => !fired.has(m.key) && prior?.active[m.key] !== undefined),
    baseline: prior === undefined && rule.condition.type === 'new_row' && !rule.fire_existing,
    next: plan.next,
  };
}
