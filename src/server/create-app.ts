import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { redactPhiLike } from '../privacy/redact-phi-like.js';
import { ApiError } from './api-error.js';
import type { AppEnv } from './app-env.js';
import { handleError } from './handle-error.js';
import { auditRequests } from './middleware/audit-requests.js';
import { authenticate } from './middleware/authenticate.js';
import { securityHeaders } from './middleware/security-headers.js';
import { registerAuditRoute } from './routes/audit-route.js';
import { registerDimensionValuesRoute } from './routes/dimension-values-route.js';
import { registerDistributionsRoute } from './routes/distributions-route.js';
import { registerHealthRoute } from './routes/health-route.js';
import { registerLoginRoutes } from './routes/login-route.js';
import { registerMeasuresRoute } from './routes/measures-route.js';
import { registerQualityRoute } from './routes/quality-route.js';
import { registerQueryRoute } from './routes/query-route.js';
import { registerSqlRoute } from './routes/sql-route.js';
import { registerTableRowsRoute } from './routes/table-rows-route.js';
import { registerTablesRoute } from './routes/tables-route.js';
import { registerWebRoute } from './routes/web-route.js';
import type { ServerDeps } from './server-deps.js';

/**
 * The HTTP application: security headers and body limits on everything; then (with security)
 * the audit of every request and authentication; every route, the OpenAPI document generated from the same zod schemas
 * that validate the requests (a bad parameter is a 400 naming it), and one error handler.
 *
 * @example
 * const app = createApp(deps); await app.request('/health');
 */
export function createApp(deps: ServerDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const issue = result.error.issues[0]!;
      const parameter = String(issue.path[0] ?? 'request');
      const allowed = 'values' in issue && Array.isArray(issue.values) ? issue.values.map(String) : undefined;
      throw new ApiError(400, 'bad_parameter', `${parameter}: ${issue.message}`, {
        parameter,
        ...(allowed ? { allowed } : {}),
      });
    },
  });
  app.onError((error, c) => handleError(error, c, deps.log));
  app.use('*', securityHeaders({ tls: deps.security?.secure === true }));
  app.use(
    '*',
    bodyLimit({
      maxSize: 64 * 1024,
      onError: (c) =>
        c.json({ error: { code: 'too_large', message: 'request bodies are limited to 64 KiB' } }, 413),
    }),
  );
  if (deps.security !== undefined) {
    app.use('*', auditRequests(deps.security.audit, deps.now));
    app.use('*', authenticate(deps.security, deps.now));
    registerLoginRoutes(app, deps, deps.security);
  }
  app.notFound((c) =>
    c.json(
      { error: { code: 'not_found', message: redactPhiLike(`no route ${c.req.method} ${c.req.path}`) } },
      404,
    ),
  );
  registerHealthRoute(app);
  registerTablesRoute(app, deps);
  registerTableRowsRoute(app, deps);
  registerQualityRoute(app, deps);
  registerMeasuresRoute(app);
  registerQueryRoute(app, deps);
  registerDistributionsRoute(app, deps);
  registerDimensionValuesRoute(app, deps);
  registerSqlRoute(app, deps);
  registerAuditRoute(app, deps);
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'carelake API',
      version: '0.1.0',
      description: 'Measures, tables and data quality of a carelake lake',
    },
  });
  registerWebRoute(app, deps.webDir);
  return app;
}
