import { DuckDbEngine } from '../../engine/duckdb/duckdb-engine.js';
import { prepareSandboxedQuery } from '../../engine/duckdb/prepare-sandboxed-query.js';
import { runWithTimeLimit } from '../../engine/duckdb/run-with-time-limit.js';
import { translateQueryError } from '../../engine/duckdb/translate-query-error.js';
import { UsageError } from '../../errors/usage-error.js';
import { qualifiedName } from '../../lakehouse/lake-table.js';
import { readLake, resolveLakeDir } from '../../lakehouse/read-lake.js';
import { readLakeTables } from '../../lakehouse/read-lake-tables.js';
import { recordCliQuery } from '../../server/audit/record-cli-query.js';
import type { Command } from '../command.js';
import { CsvRowWriter } from '../output/csv-row-writer.js';
import { JsonRowWriter } from '../output/json-row-writer.js';
import { resultColumnKind } from '../output/result-column.js';
import type { RowWriter } from '../output/row-writer.js';
import { TableRowWriter } from '../output/table-row-writer.js';
import { parseAsOf } from '../parse-as-of.js';
import { parseOptions } from '../parse-options.js';
import { waitForDrain } from '../wait-for-drain.js';

const help = `Usage: carelake sql [--lake DIR] [--format table|csv|json] [--as-of VERSION|TIMESTAMP] "<SELECT …>"

Runs one read-only query over the lake. Tables are lakehouse.schema.table
(lh_gold.dbo.clinician_emr_sessions); a bare name works when it is unique in the lake.
Anything but a query (INSERT, COPY, ATTACH, …) is refused. Results stream.

Options:
  --lake DIR        the lake (default $CARELAKE_LAKE, else ./lakehouse)
  --format F        table (default), csv or json
  --as-of V|TS      read each table at version V, or as of timestamp TS (ISO 8601, UTC)
  --timeout S       cancel the query after S seconds
  --max-rows N      stop after N rows

The query can read only the lake's tables: file functions (read_csv, read_text, glob, …)
outside the folders of the tables it names are refused, and settings cannot be changed.

Example:
  carelake sql "SELECT clinician_role, count(*) FROM clinician_emr_sessions GROUP BY 1"
  carelake sql --format csv --as-of 3 "FROM lh_gold.dbo.gold_healthcare_kpis"
`;

const command: Command = {
  help,
  async run(args, io) {
    const { values, positionals } = parseOptions('sql', args, {
      lake: { type: 'string' },
      format: { type: 'string' },
      'as-of': { type: 'string' },
      timeout: { type: 'string' },
      'max-rows': { type: 'string' },
    });
    const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
    if (timeout !== undefined && !(timeout > 0))
      throw new UsageError(`sql: --timeout must be a number of seconds, not "${values.timeout}"`);
    const maxRows = values['max-rows'] === undefined ? undefined : Number(values['max-rows']);
    if (maxRows !== undefined && !(Number.isSafeInteger(maxRows) && maxRows > 0))
      throw new UsageError(`sql: --max-rows must be a positive integer, not "${values['max-rows']}"`);
    if (positionals.length !== 1)
      throw new UsageError('sql: give exactly one query, quoted; see carelake sql --help');
    const query = positionals[0]!;
    const format = values.format ?? 'table';
    if (!['table', 'csv', 'json'].includes(format))
      throw new UsageError(`sql: unknown --format "${format}"; use table, csv or json`);
    const asOf = parseAsOf(values['as-of']);
    const lake = await readLake(resolveLakeDir(values.lake, io.env, io.cwd));
    const engine = await DuckDbEngine.open();
    const started = performance.now();
    let read: { table: string; version: number }[] = [];
    let rows = 0;
    let outcome = 'failed';
    try {
      const tables = await readLakeTables(lake.dir);
      // Only what the query names is registered (all tables when DuckDB cannot tell), and from
      // then on it can read files only inside those tables' folders.
      read = (
        await prepareSandboxedQuery(engine, query, tables, { ...(asOf ? { asOf } : {}), versions: true })
      ).versions;
      const names = tables.map(qualifiedName);
      await runWithTimeLimit(engine.db, timeout, async () => {
        let result: Awaited<ReturnType<typeof engine.db.stream>>;
        try {
          result = await engine.db.stream(query);
        } catch (error) {
          throw translateQueryError((error as Error).message, names);
        }
        const writer: RowWriter =
          format === 'csv'
            ? new CsvRowWriter(io.stdout)
            : format === 'json'
              ? new JsonRowWriter(io.stdout)
              : new TableRowWriter(io.stdout);
        writer.start(
          result.columnNames().map((name, i) => ({ name, kind: resultColumnKind(result.columnTypeId(i)) })),
        );
        try {
          for await (const batch of result.yieldRowsJson()) {
            const room = maxRows === undefined ? batch.length : Math.min(batch.length, maxRows - rows);
            writer.rows(room === batch.length ? batch : batch.slice(0, room));
            rows += room;
            await waitForDrain(io.stdout);
            if (maxRows !== undefined && rows >= maxRows) {
              io.stderr.write(`carelake sql: stopped at ${maxRows} rows (--max-rows)\n`);
              break;
            }
          }
        } catch (error) {
          throw translateQueryError((error as Error).message, names);
        }
        writer.end();
      });
      outcome = 'allowed';
      return 0;
    } catch (error) {
      outcome = (error as { exitCode?: number }).exitCode === 2 ? 'rejected' : 'failed';
      throw error;
    } finally {
      // Every console query is audited, refused ones too.
      await recordCliQuery(lake.dir, {
        command: 'sql',
        request: query,
        tables: read,
        rows,
        status: outcome === 'allowed' ? 0 : outcome === 'rejected' ? 2 : 1,
        outcome,
        ms: performance.now() - started,
      }).finally(() => engine.close());
    }
  },
};

/** The versions of the tables a query reads, for the audit log. */

export default command;
