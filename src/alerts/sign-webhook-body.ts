import { createHmac } from 'node:crypto';

/** The header a signed webhook request carries. */
export const SIGNATURE_HEADER = 'carelake-signature';

/**
 * Signs a webhook body for the `carelake-signature` header: `t=<unix seconds>,v1=<hex>`, where
 * the hex is HMAC-SHA256 with the secret over `<t>.<body>` (the exact bytes sent). The time is
 * part of what is signed so a receiver can refuse a replayed request older than it tolerates
 * (5 minutes is usual); a retry is signed again with its own time.
 *
 * A receiver checks it with node:crypto (or any HMAC library):
 * `timingSafeEqual(Buffer.from(v1, 'hex'), createHmac('sha256', secret).update(`${t}.${rawBody}`).digest())`.
 *
 * @example
 * signWebhookBody('a-long-random-secret', '{"rule":"x"}', 1765065600);
 * // 't=1765065600,v1=5c1f…'
 */
export function signWebhookBody(secret: string, body: string, unixSeconds: number): string {
  const t = Math.floor(unixSeconds);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}
