import { DuckDbEngine } from '../../engine/duckdb/duckdb-engine.js';
import { registerSnapshotView } from '../../engine/duckdb/register-snapshot-view.js';
import { UsageError } from '../../errors/usage-error.js';
import { tableDir } from '../../lakehouse/lake-layout.js';
import { readLake, resolveLakeDir } from '../../lakehouse/read-lake.js';
import { ACCESS_LOG } from '../../server/audit/audit-entry.js';
import type { Command } from '../command.js';
import { CsvRowWriter } from '../output/csv-row-writer.js';
import { JsonRowWriter } from '../output/json-row-writer.js';
import { resultColumnKind } from '../output/result-column.js';
import type { RowWriter } from '../output/row-writer.js';
import { TableRowWriter } from '../output/table-row-writer.js';
import { parseOptions } from '../parse-options.js';

const help = `Usage: carelake audit [--since TIME] [--user NAME] [--table NAME] [--limit N] [--format table|csv|json] [--lake DIR]

Who read what: the entries of lh_audit.dbo.access_log, newest first. Every API request (allowed,
denied, rate-limited) and every carelake sql query is there: when, who (token name or local
user), from where, the route or SQL (PHI-like values withheld), the tables read with their
Delta versions, rows returned and the outcome.

Options:
  --since TIME   entries at or after an ISO date or time
  --user NAME    entries of one principal (a token's name or a local user)
  --table NAME   entries that read a table (e.g. silver_healthcare_encounters)
  --limit N      at most N entries (default 100)
  --format F     table (default), csv or json

Example:
  carelake audit --since 2026-12-01 --table silver_healthcare_encounters
`;

const command: Command = {
  help,
  async run(args, io) {
    const { values, positionals } = parseOptions('audit', args, {
      lake: { type: 'string' },
      since: { type: 'string' },
      user: { type: 'string' },
      table: { type: 'string' },
      limit: { type: 'string' },
      format: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`audit: unexpected argument "${positionals[0]}"`);
    const format = values.format ?? 'table';
    if (!['table', 'csv', 'json'].includes(format))
      throw new UsageError(`audit: unknown --format "${format}"; use table, csv or json`);
    const limit = Number(values.limit ?? 100);
    if (!Number.isSafeInteger(limit) || limit < 1)
      throw new UsageError(`audit: --limit must be a positive integer, not "${values.limit}"`);
    if (values.since !== undefined && Number.isNaN(Date.parse(values.since)))
      throw new UsageError(`audit: --since "${values.since}" is not an ISO date or time`);
    const lake = await readLake(resolveLakeDir(values.lake, io.env, io.cwd));
    const engine = await DuckDbEngine.open({ threads: 1 });
    try {
      const table = engine.table(tableDir(lake.dir, ACCESS_LOG.lakehouse, ACCESS_LOG.name), ACCESS_LOG.table);
      if (!(await table.exists())) {
        io.stdout.write('the audit log is empty: nothing has been served or queried yet\n');
        return 0;
      }
      await registerSnapshotView(
        engine.db,
        { catalog: 'temp', schema: 'main', name: 'access_log' },
        await table.readSnapshot(),
      );
      const result = await engine.db.stream(
        `SELECT accessed_at, principal, role, client, route, request, tables_read, rows_returned, status, outcome
         FROM access_log
         WHERE ($since IS NULL OR accessed_at >= $since::TIMESTAMPTZ)
           AND ($user IS NULL OR principal = $user)
           AND ($table IS NULL OR tables_read LIKE '%' || $table || '%')
         ORDER BY accessed_at DESC LIMIT $limit`,
        { since: values.since ?? null, user: values.user ?? null, table: values.table ?? null, limit },
      );
      const writer: RowWriter =
        format === 'csv'
          ? new CsvRowWriter(io.stdout)
          : format === 'json'
            ? new JsonRowWriter(io.stdout)
            : new TableRowWriter(io.stdout);
      writer.start(
        result.columnNames().map((name, i) => ({ name, kind: resultColumnKind(result.columnTypeId(i)) })),
      );
      for await (const batch of result.yieldRowsJson()) writer.rows(batch);
      writer.end();
      return 0;
    } finally {
      engine.close();
    }
  },
};

export default command;
