import { DuckDbEngine } from '../engine/duckdb/duckdb-engine.js';
import type { Lake } from '../lakehouse/read-lake.js';
import { redactPhiLike } from '../privacy/redact-phi-like.js';
import type { AlertEvent } from './alert-event.js';
import { readAlertState, writeAlertState } from './alert-state.js';
import { decideAlertRule } from './decide-alert-rule.js';
import { postAlertWebhook } from './post-alert-webhook.js';
import { readAlertRules } from './read-alert-rules.js';
import { resolveWebhookSecret } from './resolve-webhook-secret.js';
import { writeAlertEvent } from './write-alert-event.js';

/** What one evaluation did. */
export interface AlertRound {
  fired: AlertEvent[];
  /** Deliveries made (one per alert and destination). */
  delivered: number;
  /** Alerts still waiting for a destination, tried again after the next run. */
  pending: number;
  /** Rules that could not be evaluated, with why. */
  errors: { rule: string; message: string }[];
}

/** An alert still undelivered after this many rounds (runs) is dropped with a warning. */
const MAX_ROUNDS = 20;

/**
 * Evaluates every alert rule of the lake after a run (or a watch batch) and delivers what fires.
 * The caller holds the lake's run lock.
 *
 * Guarantees (test/alerts/alerts.test.ts, with a real webhook receiver on loopback):
 * - Once per new condition: the rule's active keys are remembered, so a condition that still
 *   holds does not fire again, across runs and restarts (the state is a file in the lake).
 * - Decided before delivered: the new alerts and the rules' state are written durably (an
 *   outbox) before any delivery, so a crash never makes a condition fire twice; undelivered
 *   alerts are delivered by the next evaluation.
 * - Delivery: webhooks with retry and backoff on an alert's first round, one attempt per later
 *   round (Idempotency-Key = alert_id), signed (carelake-signature) when the destination names a
 *   `secret_env` in `env`, and never sent unsigned when that variable is unset; the Delta table
 *   lh_gold.dbo.alert_events exactly once per alert (txn); log lines through `logAlert`. A
 *   receiver that fails holds back its other alerts of the round, not the other destinations.
 * - A rule that fails (a missing table, a bad query) is reported in `errors`; the others run.
 *   Unreadable rules or state are a warning: the run or batch that called it still succeeds.
 *
 * @example
 * const round = await evaluateAlertRules(lake, { now: new Date(), batchId, env: process.env, logAlert: (a) => console.log(a.message), warn });
 */
export async function evaluateAlertRules(
  lake: Lake,
  options: {
    now: Date;
    batchId: string | null;
    /** Where webhook signing secrets are read from (the destinations' `secret_env`). */
    env: Readonly<Record<string, string | undefined>>;
    logAlert: (alert: AlertEvent) => void;
    warn: (line: string) => void;
  },
): Promise<AlertRound> {
  const round: AlertRound = { fired: [], delivered: 0, pending: 0, errors: [] };
  let rules: Awaited<ReturnType<typeof readAlertRules>>;
  try {
    rules = await readAlertRules(lake);
  } catch (error) {
    options.warn(`alert rules not evaluated: ${(error as Error).message}`);
    return round;
  }
  let state: Awaited<ReturnType<typeof readAlertState>>;
  try {
    state = await readAlertState(lake.dir);
  } catch (error) {
    options.warn(`alert rules not evaluated: ${(error as Error).message}`);
    return round;
  }
  if (rules.length === 0 && state.outbox.length === 0) return round;
  const engine = await DuckDbEngine.open({ threads: 1 });
  try {
    for (const rule of rules) {
      try {
        const d = await decideAlertRule(
          engine,
          lake,
          rule,
          state.rules[rule.name],
          options.now,
          options.batchId,
        );
        for (const alert of d.fire) state.outbox.push({ alert, destinations: rule.destinations, rounds: 0 });
        round.fired.push(...d.fire);
        state.rules[rule.name] = { ...d.next, evaluated_at: options.now.toISOString() };
      } catch (error) {
        const message = redactPhiLike((error as Error).message);
        round.errors.push({ rule: rule.name, message });
        options.warn(`alert rule "${rule.name}" not evaluated: ${message}`);
      }
    }
    await writeAlertState(lake.dir, state);
    const down = new Set<string>();
    for (const entry of state.outbox) {
      entry.rounds++;
      const left: typeof entry.destinations = [];
      for (const destination of entry.destinations) {
        try {
          if (destination.type === 'log') options.logAlert(entry.alert);
          else if (destination.type === 'delta') await writeAlertEvent(engine, lake.dir, entry.alert);
          else {
            if (down.has(destination.url))
              throw new Error(`webhook ${new URL(destination.url).origin} is failing`);
            const secret = resolveWebhookSecret(destination, options.env);
            try {
              // Backoff on an alert's first round only: later rounds (the receiver was down at
              // the last run) try once, so a dead receiver does not slow every batch down.
              await postAlertWebhook(
                entry.rounds > 1 ? { ...destination, retries: 0 } : destination,
                entry.alert,
                { secret },
              );
            } catch (error) {
              down.add(destination.url);
              throw error;
            }
          }
          round.delivered++;
        } catch (error) {
          left.push(destination);
          entry.last_error = (error as Error).message;
        }
      }
      entry.destinations = left;
      if (left.length > 0 && entry.rounds >= MAX_ROUNDS)
        options.warn(
          `alert ${entry.alert.alert_id} (${entry.alert.rule}) dropped after ${entry.rounds} delivery rounds: ${entry.last_error}`,
        );
      else if (left.length > 0)
        options.warn(
          `alert ${entry.alert.alert_id} (${entry.alert.rule}) not delivered yet: ${entry.last_error}; retried after the next run`,
        );
    }
    state.outbox = state.outbox.filter((e) => e.destinations.length > 0 && e.rounds < MAX_ROUNDS);
    round.pending = state.outbox.length;
    await writeAlertState(lake.dir, state);
  } finally {
    engine.close();
  }
  return round;
}
