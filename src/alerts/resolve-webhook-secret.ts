import { CarelakeError } from '../errors/carelake-error.js';
import type { AlertDestination } from './alert-rule.js';

/** The shortest signing secret accepted: a shorter one can be guessed from signed requests. */
export const MIN_WEBHOOK_SECRET_LENGTH = 16;

/**
 * The signing secret of a webhook destination, read from the environment variable its
 * `secret_env` names; undefined when the destination is not signed. A variable that is unset or
 * too short is refused rather than sending the alert unsigned: the receiver would reject it, or
 * worse, accept it. The message names the variable and the fix, never the value.
 *
 * @example
 * resolveWebhookSecret({ type: 'webhook', url, retries: 4, backoff_ms: 500, timeout_ms: 5000, secret_env: 'OPS_HOOK_SECRET' }, process.env);
 */
export function resolveWebhookSecret(
  destination: Extract<AlertDestination, { type: 'webhook' }>,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const name = destination.secret_env;
  if (name === undefined) return undefined;
  const secret = env[name];
  if (secret === undefined || secret === '')
    throw new CarelakeError(
      `webhook ${new URL(destination.url).origin} not sent: its signing secret ${name} is not set; ` +
        `export ${name}="$(openssl rand -hex 32)" (the receiver's secret) or remove secret_env from the rule`,
    );
  if (secret.length < MIN_WEBHOOK_SECRET_LENGTH)
    throw new CarelakeError(
      `webhook ${new URL(destination.url).origin} not sent: ${name} is ${secret.length} characters long; ` +
        `a signing secret needs at least ${MIN_WEBHOOK_SECRET_LENGTH}, e.g. export ${name}="$(openssl rand -hex 32)"`,
    );
  return secret;
}
