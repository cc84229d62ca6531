import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DuckDbEngine } from '../../engine/duckdb/duckdb-engine.js';
import { UsageError } from '../../errors/usage-error.js';
import { readLake, resolveLakeDir } from '../../lakehouse/read-lake.js';
import { createAccessToken } from '../../server/auth/create-access-token.js';
import { isLoopbackHost } from '../../server/loopback-host.js';
import { startServer } from '../../server/start-server.js';
import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';

const help = `Usage: carelake serve [--lake DIR] [--port 8080] [--host 127.0.0.1] [--tls-cert FILE --tls-key FILE] [--insecure-http] [--login-url]

Serves the lake over HTTP: the dashboard at http://HOST:PORT/ (executive summary, readmission
risk, ED operations, clinician sessions, data quality), the JSON API under /api (measures,
table pages, slicer values, data quality; OpenAPI document at /api/openapi.json) and CSV
exports. Every response carries an ETag from the Delta versions it read: a new pipeline run
is visible on the next request, no restart needed. Stops on Ctrl-C.

Every route but /health needs a token (carelake token create) as "Authorization: Bearer …",
or a dashboard sign-in with one (an HttpOnly, SameSite=Strict cookie). Roles decide what is
read: viewer (measures, aggregate tables, small cells suppressed), analyst (de-identified
rows), admin (bronze, quarantine, audit log). Every request is audited in
lh_audit.dbo.access_log.

Loopback addresses (127.0.0.1, ::1, localhost) may be served over plain HTTP. Any other
--host needs --tls-cert and --tls-key, or an explicit --insecure-http.

Options:
  --lake DIR    the lake (default $CARELAKE_LAKE, else ./lakehouse)
  --port N      the port (default 8080; 0 picks a free one)
  --host ADDR        the address to listen on (default 127.0.0.1)
  --tls-cert FILE    serve HTTPS with this certificate (PEM) …
  --tls-key FILE     … and this private key (PEM)
  --insecure-http    allow plain HTTP on a non-loopback address (not for patient data)
  --login-url        print a one-time sign-in link (an admin token valid 24 h is created for it)

Example:
  carelake serve --lake ./lakehouse --port 8080
`;

const command: Command = {
  help,
  async run(args, io) {
    const { values, positionals } = parseOptions('serve', args, {
      lake: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'insecure-http': { type: 'boolean' },
      'login-url': { type: 'boolean' },
    });
    if (positionals.length > 0)
      throw new UsageError(`serve: unexpected argument "${positionals[0]}"; see carelake serve --help`);
    const port = Number(values.port ?? 8080);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`serve: --port must be a number from 0 to 65535, not "${values.port}"`);
    const host = values.host ?? '127.0.0.1';
    if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined))
      throw new UsageError('serve: give both --tls-cert and --tls-key (PEM files), or neither');
    const tls =
      values['tls-cert'] && values['tls-key']
        ? {
            cert: await readPem(resolve(io.cwd, values['tls-cert'])),
            key: await readPem(resolve(io.cwd, values['tls-key'])),
          }
        : undefined;
    if (!isLoopbackHost(host) && tls === undefined && values['insecure-http'] !== true)
      throw new UsageError(
        `serve: --host ${host} would send patient-level data over the network unencrypted; give --tls-cert and --tls-key, or --insecure-http if something else encrypts the traffic`,
      );
    const lake = await readLake(resolveLakeDir(values.lake, io.env, io.cwd));
    const server = await startServer(lake, {
      host,
      port,
      log: (line) => io.stderr.write(`carelake serve: ${line}\n`),
      ...(tls ? { tls } : {}),
    });
    io.stdout.write(
      `carelake serve: ${lake.dir}\n  dashboard  ${server.url}/\n  API        ${server.url}/api/openapi.json\n`,
    );
    if (values['login-url'] === true) {
      const engine = await DuckDbEngine.open({ threads: 1 });
      try {
        const now = new Date();
        const { record } = await createAccessToken(engine, lake.dir, {
          role: 'admin',
          name: 'sign-in link',
          expiresAt: new Date(now.getTime() + 24 * 3600_000),
          now,
        });
        const code = server.addLoginCode({ tokenId: record.token_id, name: record.name, role: record.role });
        io.stdout.write(`  sign in    ${server.url}/login?code=${code}   (one-time link)\n`);
      } finally {
        engine.close();
      }
    }
    io.stdout.write('Press Ctrl-C to stop.\n');
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        done();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await server.close();
    io.stdout.write('carelake serve: stopped\n');
    return 0;
  },
};

export default command;

async function readPem(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch {
    throw new UsageError(`serve: cannot read ${path}; give the path of a PEM file`);
  }
}
