import { setTimeout as sleep } from 'node:timers/promises';
import type { AlertEvent } from './alert-event.js';
import type { AlertDestination } from './alert-rule.js';
import { SIGNATURE_HEADER, signWebhookBody } from './sign-webhook-body.js';

type Webhook = Extract<AlertDestination, { type: 'webhook' }>;

/** Waits between attempts: backoff_ms, then doubled each time, at most 30 s. */
const MAX_BACKOFF_MS = 30_000;

/**
 * POSTs an alert as JSON to a webhook, retrying with exponential backoff on network errors,
 * timeouts and 408/429/5xx answers (up to `retries` more attempts). The body is the alert; the
 * `Idempotency-Key` header is its alert_id, so a receiver can drop the repeat that a crash
 * between its answer and carelake's bookkeeping could cause. With `signing.secret`, every attempt
 * carries `carelake-signature` (signWebhookBody, at `signing.clock()`'s time). Resolves with the
 * attempts made, or rejects with the last failure.
 *
 * @example
 * await postAlertWebhook({ type: 'webhook', url: 'http://127.0.0.1:9000/hook', retries: 4, backoff_ms: 500, timeout_ms: 5000 }, alert);
 */
export async function postAlertWebhook(
  hook: Webhook,
  alert: AlertEvent,
  signing: { secret?: string; clock?: () => number } = {},
): Promise<number> {
  const body = JSON.stringify(alert);
  const clock = signing.clock ?? Date.now;
  let failure = '';
  for (let attempt = 0; attempt <= hook.retries; attempt++) {
    if (attempt > 0) await sleep(Math.min(hook.backoff_ms * 2 ** (attempt - 1), MAX_BACKOFF_MS));
    try {
      const response = await fetch(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': alert.alert_id,
          'user-agent': 'carelake-alerts',
          ...(signing.secret === undefined
            ? {}
            : { [SIGNATURE_HEADER]: signWebhookBody(signing.secret, body, clock() / 1000) }),
        },
        body,
        signal: AbortSignal.timeout(hook.timeout_ms),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return attempt + 1;
      failure = `HTTP ${response.status}`;
      if (response.status < 500 && response.status !== 408 && response.status !== 429) break;
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      failure = cause ?? (error as Error).name ?? String(error);
    }
  }
  throw new Error(`webhook ${new URL(hook.url).origin} failed: ${failure}`);
}
