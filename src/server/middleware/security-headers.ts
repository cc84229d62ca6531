import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';

/** The dashboard's policy: its own scripts and styles only (no inline script), never framed. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * Security headers on every response: CSP without inline script, nosniff, no framing, no
 * referrer. No CORS header is ever sent, so browsers refuse cross-origin reads. A server on
 * TLS also sends HSTS, so a browser that once reached it never falls back to plain HTTP.
 *
 * @example
 * app.use('*', securityHeaders({ tls: true }));
 */
export function securityHeaders(options: { tls: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (options.tls) c.res.headers.set('Strict-Transport-Security', 'max-age=31536000');
    c.res.headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('X-Frame-Options', 'DENY');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
    c.res.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  };
}
