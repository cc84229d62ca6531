import { UsageError } from '../../errors/usage-error.js';
import { readLake, resolveLakeDir } from '../../lakehouse/read-lake.js';
import { isLoopbackHost } from '../../server/loopback-host.js';
import { startServer } from '../../server/start-server.js';
import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';

const help = `Usage: carelake serve [--lake DIR] [--port 8080] [--host 127.0.0.1]

Serves the lake over HTTP: the dashboard at http://HOST:PORT/ (executive summary, readmission
risk, ED operations, clinician sessions, data quality), the JSON API under /api (measures,
table pages, slicer values, data quality; OpenAPI document at /api/openapi.json) and CSV
exports. Every response carries an ETag from the Delta versions it read: a new pipeline run
is visible on the next request, no restart needed. Stops on Ctrl-C.

Until access control exists the server listens on loopback addresses only (127.0.0.1, ::1,
localhost); any other --host is refused.

Options:
  --lake DIR    the lake (default $CARELAKE_LAKE, else ./lakehouse)
  --port N      the port (default 8080; 0 picks a free one)
  --host ADDR   a loopback address (default 127.0.0.1)

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
    });
    if (positionals.length > 0)
      throw new UsageError(`serve: unexpected argument "${positionals[0]}"; see carelake serve --help`);
    const port = Number(values.port ?? 8080);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`serve: --port must be a number from 0 to 65535, not "${values.port}"`);
    const host = values.host ?? '127.0.0.1';
    if (!isLoopbackHost(host))
      throw new UsageError(
        `serve: --host ${host} would expose patient-level data to the network, and carelake has no access control yet; use 127.0.0.1 (or ::1), and reach it from elsewhere through an SSH tunnel`,
      );
    const lake = await readLake(resolveLakeDir(values.lake, io.env, io.cwd));
    const server = await startServer(lake, {
      host,
      port,
      log: (line) => io.stderr.write(`carelake serve: ${line}\n`),
    });
    io.stdout.write(
      `carelake serve: ${lake.dir}\n  dashboard  ${server.url}/\n  API        ${server.url}/api/openapi.json\nPress Ctrl-C to stop.\n`,
    );
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
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
