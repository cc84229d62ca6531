import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ApiError } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import type { Principal } from '../auth/principal.js';
import { SESSION_COOKIE } from '../middleware/authenticate.js';
import type { SecurityDeps } from '../security-deps.js';
import type { ServerDeps } from '../server-deps.js';

const SESSION_HOURS = 8;

const login = createRoute({
  method: 'post',
  path: '/api/login',
  summary: 'Sign in to the dashboard with an access token: sets an HttpOnly, SameSite=Strict session cookie',
  request: {
    body: {
      content: { 'application/json': { schema: z.object({ token: z.string().max(200) }) } },
      required: true,
    },
  },
  responses: {
    200: {
      description: 'signed in',
      content: { 'application/json': { schema: z.object({ name: z.string(), role: z.string() }) } },
    },
    401: { description: 'the token is not valid' },
  },
});

const session = createRoute({
  method: 'get',
  path: '/api/session',
  summary: 'Who is signed in',
  responses: {
    200: {
      description: 'the principal',
      content: { 'application/json': { schema: z.object({ name: z.string(), role: z.string() }) } },
    },
  },
});

/**
 * Sign-in and sign-out: POST /api/login (a token in the body), GET /login?code= (a one-time
 * code printed by `serve --login-url`, as Jupyter does), POST /api/logout, GET /api/session.
 *
 * @example
 * registerLoginRoutes(app, deps, security);
 */
export function registerLoginRoutes(
  app: OpenAPIHono<AppEnv>,
  deps: ServerDeps,
  security: SecurityDeps,
): void {
  const startSession = (c: Context<AppEnv>, principal: Principal) => {
    c.set('principal', principal);
    setCookie(c, SESSION_COOKIE, security.sessions.open(principal, deps.now().getTime()), {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: security.secure,
      maxAge: SESSION_HOURS * 3600,
    });
  };
  app.openapi(login, async (c) => {
    const principal = await security.auth.authenticate(c.req.valid('json').token, deps.now());
    if (principal === undefined) {
      await new Promise((r) => setTimeout(r, 500));
      throw new ApiError(401, 'unauthorized', 'that token is not valid (unknown, revoked or expired)');
    }
    startSession(c as unknown as Context<AppEnv>, principal);
    return c.json({ name: principal.name, role: principal.role }, 200);
  });
  app.get('/login', (c) => {
    const code = c.req.query('code') ?? '';
    const principal = security.oneTimeCodes.get(code);
    if (principal === undefined) return c.redirect('/app/executive?login=expired');
    security.oneTimeCodes.delete(code);
    startSession(c, principal);
    return c.redirect('/app/executive');
  });
  app.post('/api/logout', (c) => {
    const id = getCookie(c, SESSION_COOKIE);
    if (id !== undefined) security.sessions.close(id);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ signedOut: true });
  });
  app.openapi(session, (c) => {
    const p = c.get('principal')!;
    return c.json({ name: p.name, role: p.role }, 200);
  });
}
