import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { DuckDbEngine } from '../engine/duckdb/duckdb-engine.js';
import type { Lake } from '../lakehouse/read-lake.js';
import { AuditLog } from './audit/audit-log.js';
import { LoginSessions } from './auth/login-sessions.js';
import type { Principal } from './auth/principal.js';
import { RateLimiter } from './auth/rate-limiter.js';
import { TokenAuthenticator } from './auth/token-authenticator.js';
import { createApp } from './create-app.js';
import { ServedLake } from './data/served-lake.js';
import { ResultCache } from './result-cache.js';
import type { SecurityDeps } from './security-deps.js';

/** The dashboard bundle built by `npm run build` (dist/web). */
const WEB_DIR = fileURLToPath(new URL('../../web', import.meta.url));

/** A running server. */
export interface RunningServer {
  url: string;
  port: number;
  /** A one-time sign-in code for `principal` (GET /login?code=…). */
  addLoginCode(principal: Principal): string;
  /** Stops listening, then commits the pending audit entries. */
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
  options: {
    host: string;
    port: number;
    log: (line: string) => void;
    now?: () => Date;
    engines?: number;
    /** false only in the benchmark that measures what security costs. */
    security?: boolean;
    tls?: { cert: Buffer; key: Buffer };
    /** Requests per second (and twice that as a burst) each token may make; default 200. */
    ratePerSecond?: number;
    /** SQL console limits; default 10 s and 10,000 rows. */
    sqlLimits?: { seconds: number; rows: number };
  },
): Promise<RunningServer> {
  const now = options.now ?? (() => new Date());
  const served = await ServedLake.open(
    lake,
    options.engines === undefined ? {} : { engines: options.engines },
  );
  const closers: (() => Promise<void> | void)[] = [() => served.close()];
  let security: SecurityDeps | undefined;
  if (options.security !== false) {
    const authEngine = await DuckDbEngine.open({ threads: 1 });
    const auditEngine = await DuckDbEngine.open({ threads: 1 });
    const audit = await AuditLog.open(auditEngine, lake.dir);
    closers.push(async () => {
      await audit.close();
      auditEngine.close();
      authEngine.close();
    });
    const rate = options.ratePerSecond ?? 200;
    security = {
      auth: new TokenAuthenticator(authEngine, lake.dir),
      sessions: new LoginSessions(8 * 3600_000),
      limiter: new RateLimiter(rate, rate * 2),
      failures: new Map(),
      audit,
      oneTimeCodes: new Map(),
      secure: options.tls !== undefined,
    };
  }
  const app = createApp({
    served,
    cache: new ResultCache(1000),
    log: options.log,
    now,
    webDir: existsSync(WEB_DIR) ? WEB_DIR : undefined,
    security,
    sqlLimits: options.sqlLimits ?? { seconds: 10, rows: 10_000 },
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      {
        fetch: app.fetch,
        hostname: options.host,
        port: options.port,
        ...(options.tls
          ? {
              createServer: createHttpsServer,
              serverOptions: { cert: options.tls.cert, key: options.tls.key },
            }
          : {}),
      },
      () => resolve(s),
    );
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
    port,
    addLoginCode(principal) {
      if (security === undefined) throw new Error('this server has no sign-in');
      const code = randomBytes(24).toString('base64url');
      security.oneTimeCodes.set(code, principal);
      return code;
    },
    // Idempotent: a second close (a test's own and its cleanup's) waits for the first.
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close(async () => {
          try {
            for (const close of closers.reverse()) await close();
            resolve();
          } catch (error) {
            reject(error);
          }
        });
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      return closing;
    },
  };
}
