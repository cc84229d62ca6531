import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { ApiError } from '../api-error.js';
import type { AppEnv } from '../app-env.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

/**
 * The dashboard: `/` redirects to the first page, every `/app/…` URL is index.html (the
 * front end routes), and the bundle's files are served by exact name from the folder's
 * listing taken at start-up, so no request path ever reaches the file system (no traversal).
 *
 * @example
 * registerWebRoute(app, '/opt/carelake/dist/web');
 */
export function registerWebRoute(app: OpenAPIHono<AppEnv>, webDir: string | undefined): void {
  const files = new Map<string, { body: Buffer; type: string }>();
  if (webDir !== undefined) {
    for (const name of readdirSync(webDir)) {
      const type = TYPES[extname(name)];
      if (type !== undefined) files.set(name, { body: readFileSync(join(webDir, name)), type });
    }
  }
  const send = (name: string) => {
    const file = files.get(name);
    if (file === undefined) {
      throw new ApiError(
        404,
        'not_found',
        webDir === undefined ? 'the dashboard is not built; run npm run build' : `no file ${name}`,
      );
    }
    return new Response(new Uint8Array(file.body), {
      headers: { 'Content-Type': file.type, 'Cache-Control': 'no-cache' },
    });
  };
  app.get('/', (c) => c.redirect('/app/executive'));
  app.get('/app', (c) => c.redirect('/app/executive'));
  app.get('/app/*', () => send('index.html'));
  app.get('/:file{[A-Za-z0-9_.-]+}', (c) => send(c.req.param('file')));
}
