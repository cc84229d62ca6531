import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Lake } from '../lakehouse/read-lake.js';
import { createApp } from './create-app.js';
import { ServedLake } from './data/served-lake.js';
import { ResultCache } from './result-cache.js';

/** The dashboard bundle built by `npm run build` (dist/web). */
const WEB_DIR = fileURLToPath(new URL('../../web', import.meta.url));

/** A running server. */
export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts the HTTP server for `lake` on `host:port` (port 0: any free port) and resolves once
 * it listens.
 *
 * @example
 * const server = await startServer(lake, { host: '127.0.0.1', port: 0, log: console.error });
 * await server.close();
 */
export async function startServer(
  lake: Lake,
  options: { host: string; port: number; log: (line: string) => void; now?: () => Date; engines?: number },
): Promise<RunningServer> {
  const served = await ServedLake.open(
    lake,
    options.engines === undefined ? {} : { engines: options.engines },
  );
  const app = createApp({
    served,
    cache: new ResultCache(1000),
    log: options.log,
    now: options.now ?? (() => new Date()),
    webDir: existsSync(WEB_DIR) ? WEB_DIR : undefined,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          served.close();
          resolve();
        });
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
