import { after } from 'node:test';
import { readLake } from '../../src/lakehouse/read-lake.js';
import { type RunningServer, startServer } from '../../src/server/start-server.js';

/**
 * A real carelake server for `lake` on a free loopback port, stopped when the test file ends.
 * Its log lines are collected in `log`.
 *
 * @example
 * const { server } = await startTestServer(lake); await fetch(`${server.url}/health`);
 */
export async function startTestServer(lake: string): Promise<{ server: RunningServer; log: string[] }> {
  const log: string[] = [];
  const server = await startServer(await readLake(lake), {
    host: '127.0.0.1',
    port: 0,
    log: (line) => log.push(line),
  });
  after(() => server.close());
  return { server, log };
}
