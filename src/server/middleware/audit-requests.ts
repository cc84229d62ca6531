import type { MiddlewareHandler } from 'hono';
import { redactPhiLike } from '../../privacy/redact-phi-like.js';
import type { AppEnv } from '../app-env.js';
import type { AuditLog } from '../audit/audit-log.js';
import { clientAddress } from './client-address.js';

/**
 * Audits every request (allowed, denied, failed, rate-limited) before its response leaves:
 * who, when, from where, the route and query, the measures, the table versions read, rows
 * returned and the status. When the entry cannot be written the client gets a 503 instead of
 * the data: no unaudited access.
 *
 * @example
 * app.use('*', auditRequests(audit, () => new Date()));
 */
export function auditRequests(audit: AuditLog, now: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const url = new URL(c.req.url);
    const principal = c.get('principal');
    const status = c.res.status;
    const outcome =
      status === 429
        ? 'rate_limited'
        : status === 401 || status === 403
          ? 'denied'
          : status >= 500
            ? 'failed'
            : status >= 400
              ? 'rejected'
              : 'allowed';
    try {
      await audit.record({
        accessed_at: now().toISOString(),
        token_id: principal?.tokenId ?? '',
        principal: principal?.name ?? '',
        role: principal?.role ?? '',
        client: clientAddress(c),
        channel: 'http',
        method: c.req.method,
        route: redactPhiLike(decoded(url.pathname)),
        request: redactPhiLike(decoded(`${url.pathname}${url.search}`)).slice(0, 4000),
        measures: (c.get('measures') ?? []).join(','),
        tables_read: JSON.stringify(
          (c.get('tablesRead') ?? []).map((t) => ({ table: t.table, version: t.version })),
        ),
        rows_returned: c.get('rowsReturned') ?? 0,
        status,
        outcome,
        duration_ms: performance.now() - started,
      });
    } catch {
      c.res = c.json(
        {
          error: {
            code: 'audit_unavailable',
            message: 'the audit log cannot be written; no data is served until it can',
          },
        },
        503,
      );
    }
  };
}

/** The request as typed (percent-decoded), so what looks like PHI is seen and withheld. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}
