import { after } from 'node:test';
import { DuckDbEngine } from '../../src/engine/duckdb/duckdb-engine.js';
import { readLake } from '../../src/lakehouse/read-lake.js';
import { createAccessToken } from '../../src/server/auth/create-access-token.js';
import type { Role } from '../../src/server/auth/role.js';
import { type RunningServer, startServer } from '../../src/server/start-server.js';

/**
 * A real carelake server for `lake` on a free loopback port, stopped when the test file ends,
 * with one token per role. Its log lines are collected in `log`.
 *
 * @example
 * const { server, tokens } = await startTestServer(lake);
 * await fetch(`${server.url}/api/tables`, { headers: { Authorization: `Bearer ${tokens.admin}` } });
 */
export async function startTestServer(
  lake: string,
  options: { ratePerSecond?: number; sqlLimits?: { seconds: number; rows: number } } = {},
): Promise<{ server: RunningServer; log: string[]; tokens: Record<Role, string> }> {
  const log: string[] = [];
  const engine = await DuckDbEngine.open({ threads: 1 });
  const tokens = {} as Record<Role, string>;
  for (const role of ['viewer', 'analyst', 'admin'] as const) {
    tokens[role] = (
      await createAccessToken(engine, lake, { role, name: `test ${role}`, expiresAt: null, now: new Date() })
    ).token;
  }
  engine.close();
  const server = await startServer(await readLake(lake), {
    host: '127.0.0.1',
    port: 0,
    log: (line) => log.push(line),
    ...(options.ratePerSecond ? { ratePerSecond: options.ratePerSecond } : {}),
    ...(options.sqlLimits ? { sqlLimits: options.sqlLimits } : {}),
  });
  after(() => server.close());
  return { server, log, tokens };
}
