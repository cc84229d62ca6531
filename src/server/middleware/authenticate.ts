import { setTimeout as sleep } from 'node:timers/promises';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.js';
import type { Principal } from '../auth/principal.js';
import type { SecurityDeps } from '../security-deps.js';
import { clientAddress } from './client-address.js';

/** The sign-in cookie: HttpOnly, SameSite=Strict, Path=/, Secure over TLS. */
export const SESSION_COOKIE = 'carelake_session';

/** Paths anyone may reach: liveness, sign-in, and the dashboard's static files (no data). */
export function isPublicPath(path: string): boolean {
  return (
    path === '/health' ||
    path === '/login' ||
    path === '/api/login' ||
    path === '/' ||
    path === '/app' ||
    path.startsWith('/app/') ||
    /^\/[A-Za-z0-9_.-]+\.(js|css|svg|png|ico|map|html)$/.test(path)
  );
}

/**
 * Who is asking: a bearer token (`Authorization: Bearer clk_…`) or the sign-in cookie. Every
 * non-public path needs one (401 otherwise, after a delay that doubles with each failure from
 * that address, up to 5 s, so tokens cannot be guessed quickly); each token is rate limited
 * (429 with Retry-After).
 *
 * @example
 * app.use('*', authenticate(security, () => new Date()));
 */
export function authenticate(security: SecurityDeps, now: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('principal', undefined);
    const header = c.req.header('Authorization');
    const cookie = getCookie(c, SESSION_COOKIE);
    const at = now();
    let principal: Principal | undefined;
    if (header !== undefined) {
      const m = /^Bearer (\S+)$/i.exec(header);
      principal = m ? await security.auth.authenticate(m[1]!, at) : undefined;
    } else if (cookie !== undefined) {
      const session = security.sessions.find(cookie, at.getTime());
      principal = session && (await security.auth.stillUsable(session.tokenId, at)) ? session : undefined;
    }
    if (principal === undefined) {
      if (isPublicPath(c.req.path)) return next();
      const client = clientAddress(c);
      if (header !== undefined || cookie !== undefined) {
        const fails = (security.failures.get(client) ?? 0) + 1;
        security.failures.set(client, fails);
        await sleep(Math.min(5000, 100 * 2 ** Math.min(fails - 1, 6)));
      }
      return c.json(
        {
          error: {
            code: 'unauthorized',
            message:
              header === undefined && cookie === undefined
                ? 'sign in, or send Authorization: Bearer TOKEN (create one with carelake token create)'
                : 'the token or session is not valid (unknown, revoked or expired)',
          },
        },
        401,
      );
    }
    security.failures.delete(clientAddress(c));
    c.set('principal', principal);
    if (!security.limiter.take(principal.tokenId, at.getTime())) {
      c.header('Retry-After', String(security.limiter.retryAfter(principal.tokenId)));
      return c.json(
        { error: { code: 'rate_limited', message: 'too many requests for this token; slow down' } },
        429,
      );
    }
    return next();
  };
}
