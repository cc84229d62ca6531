import { randomUUID } from 'node:crypto';
import { open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { hasErrorCode } from '../errors/has-error-code.js';
import { UsageError } from '../errors/usage-error.js';
import type { AlertEvent } from './alert-event.js';
import type { AlertDestination } from './alert-rule.js';
import type { RuleState } from './plan-alert-firings.js';

/** An alert decided but not yet delivered everywhere. */
export interface PendingAlert {
  alert: AlertEvent;
  /** The destinations still to deliver to (copied from the rule when it fired). */
  destinations: AlertDestination[];
  /** Delivery rounds tried so far. */
  rounds: number;
  last_error?: string;
}

/**
 * What alerting remembers between runs, in `<lake>/carelake.alert-state.json`: each rule's
 * active conditions (deduplication) and the outbox of alerts not yet delivered everywhere.
 */
export interface AlertState {
  version: 1;
  rules: Record<string, RuleState & { evaluated_at: string }>;
  outbox: PendingAlert[];
}

/** The state file of a lake. @example alertStatePath('/lake') // '/lake/carelake.alert-state.json' */
export function alertStatePath(lakeDir: string): string {
  return join(lakeDir, 'carelake.alert-state.json');
}

/**
 * Reads the lake's alert state; an empty state when there is none yet.
 *
 * @example
 * const state = await readAlertState('/lake');
 */
export async function readAlertState(lakeDir: string): Promise<AlertState> {
  let text: string;
  try {
    text = await readFile(alertStatePath(lakeDir), 'utf8');
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT')) return { version: 1, rules: {}, outbox: [] };
    throw error;
  }
  try {
    return JSON.parse(text) as AlertState;
  } catch {
    throw new UsageError(
      `${alertStatePath(lakeDir)} is damaged (not JSON); remove it to start alerting afresh (every condition may fire again)`,
    );
  }
}

/**
 * Replaces the lake's alert state durably: written to a temporary file, synced, then renamed
 * over the old one, so a crash leaves the old state or the new one, never half of either.
 *
 * @example
 * await writeAlertState('/lake', state);
 */
export async function writeAlertState(lakeDir: string, state: AlertState): Promise<void> {
  const path = alertStatePath(lakeDir);
  const temp = `${path}.${randomUUID()}.tmp`;
  const file = await open(temp, 'w');
  try {
    await file.writeFile(`${JSON.stringify(state, null, 1)}\n`);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, path);
}
