import { DuckDbEngine } from '../../engine/duckdb/duckdb-engine.js';
import { UsageError } from '../../errors/usage-error.js';
import { readLake, resolveLakeDir } from '../../lakehouse/read-lake.js';
import { tokenUsable } from '../../server/auth/access-token-record.js';
import { createAccessToken } from '../../server/auth/create-access-token.js';
import { readAccessTokens } from '../../server/auth/read-access-tokens.js';
import { parseRole, ROLES } from '../../server/auth/role.js';
import { writeAccessTokens } from '../../server/auth/write-access-tokens.js';
import type { Command } from '../command.js';
import { parseExpiry } from '../parse-expiry.js';
import { parseOptions } from '../parse-options.js';

const help = `Usage: carelake token create --role viewer|analyst|admin [--name NAME] [--expires 90d|DATE] [--lake DIR]
       carelake token list [--lake DIR]
       carelake token revoke ID [--lake DIR]

Access tokens for carelake serve. A token is random (256 bits), shown once at creation and
never stored: the lake keeps only its salted scrypt hash (lh_audit.dbo.access_tokens). Give it
as "Authorization: Bearer TOKEN", or sign in to the dashboard with it.

Roles:
  viewer    measures and aggregate gold tables; groups of 1-10 encounters are suppressed
  analyst   also de-identified row-level silver and gold tables
  admin     also bronze, quarantine, the audit log

Options:
  --role R       the token's role (create)
  --name NAME    who or what holds it (create; default "token")
  --expires E    a lifetime (30d, 12h) or an ISO date (create; default: never)

Example:
  carelake token create --role analyst --name "ED dashboard" --expires 90d
  carelake token revoke 3f2a9c01b7de
`;

const command: Command = {
  help,
  async run(args, io) {
    const { values, positionals } = parseOptions('token', args, {
      lake: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      expires: { type: 'string' },
    });
    const [action, id, ...extra] = positionals;
    if (extra.length > 0)
      throw new UsageError(`token: unexpected argument "${extra[0]}"; see carelake token --help`);
    const lake = await readLake(resolveLakeDir(values.lake, io.env, io.cwd));
    const engine = await DuckDbEngine.open({ threads: 1 });
    try {
      const now = new Date();
      if (action === 'create') {
        const role = parseRole(values.role);
        if (role === undefined)
          throw new UsageError(
            `token create: --role must be one of ${ROLES.join(', ')}, not "${values.role ?? ''}"`,
          );
        const expiresAt = values.expires === undefined ? null : parseExpiry(values.expires, now);
        const { token, record } = await createAccessToken(engine, lake.dir, {
          role,
          name: values.name ?? 'token',
          expiresAt,
          now,
        });
        io.stdout.write(
          `Created token ${record.token_id} (${role}, "${record.name}", ${expiresAt ? `expires ${expiresAt.toISOString()}` : 'never expires'}).\n` +
            `Copy it now; it is not stored and cannot be shown again:\n\n  ${token}\n`,
        );
        return 0;
      }
      const { records } = await readAccessTokens(engine, lake.dir);
      if (action === 'list') {
        if (records.length === 0)
          io.stdout.write('no tokens; create one with carelake token create --role viewer\n');
        for (const r of records) {
          const state = r.revoked_at
            ? `revoked ${r.revoked_at}`
            : tokenUsable(r, now)
              ? 'active'
              : `expired ${r.expires_at}`;
          io.stdout.write(
            `${r.token_id}  ${r.role.padEnd(7)}  ${state.padEnd(33)}  created ${r.created_at}  ${r.name}\n`,
          );
        }
        return 0;
      }
      if (action === 'revoke') {
        const found = records.find((r) => r.token_id === id);
        if (found === undefined)
          throw new UsageError(
            `token revoke: no token "${id ?? ''}"; tokens: ${records.map((r) => r.token_id).join(', ') || 'none'}`,
          );
        if (found.revoked_at === null) {
          found.revoked_at = now.toISOString();
          await writeAccessTokens(engine, lake.dir, records, 'replace');
        }
        io.stdout.write(
          `revoked token ${found.token_id} ("${found.name}"); servers refuse it from their next request\n`,
        );
        return 0;
      }
      throw new UsageError(
        `token: use create, list or revoke, not "${action ?? ''}"; see carelake token --help`,
      );
    } finally {
      engine.close();
    }
  },
};

export default command;
