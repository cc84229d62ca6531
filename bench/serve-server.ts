import { DuckDbEngine } from '../src/engine/duckdb/duckdb-engine.js';
import { readLake } from '../src/lakehouse/read-lake.js';
import { createAccessToken } from '../src/server/auth/create-access-token.js';
import { startServer } from '../src/server/start-server.js';

// node dist/bench/serve-server.js LAKE on|off: a server on a free loopback port, in its own
// process (so the load generator does not share its event loop). Prints {"url","token"}; stops
// on SIGTERM. "off" builds it without tokens, roles and the audit log, to measure their cost.
const [lakeDir, security] = process.argv.slice(2);
const lake = await readLake(lakeDir!);
let token = '';
if (security === 'on') {
  const engine = await DuckDbEngine.open({ threads: 1 });
  token = (
    await createAccessToken(engine, lake.dir, {
      role: 'analyst',
      name: 'bench',
      expiresAt: null,
      now: new Date(),
    })
  ).token;
  engine.close();
}
const server = await startServer(lake, {
  host: '127.0.0.1',
  port: 0,
  log: (line) => process.stderr.write(`${line}\n`),
  security: security === 'on',
  ratePerSecond: 1_000_000,
});
process.stdout.write(`${JSON.stringify({ url: server.url, token })}\n`);
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
