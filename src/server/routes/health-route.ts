import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';

const route = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Liveness: the server answers',
  responses: {
    200: {
      description: 'up',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
    },
  },
});

/** GET /health. @example registerHealthRoute(app) */
export function registerHealthRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, (c) => c.json({ status: 'ok' as const }, 200));
}
