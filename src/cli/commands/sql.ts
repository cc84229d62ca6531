import { assertReadOnlyQuery } from '../../engine/duckdb/assert-read-only-query.js';
import { DuckDbEngine } from '../../engine/duckdb/duckdb-engine.js';
import { registerLakeViews } from '../../engine/duckdb/register-lake-views.js';
import { UsageError } from '../../errors/usage-error.js';
import { type LakeTable, qualifiedName } from '../../lakehouse/lake-table.js';
import { readLake, resolveLakeDir } from '../../lakehouse/read-lake.js';
import { readLakeTables } from '../../lakehouse/read-lake-tables.js';
import { resolveTableName } from '../../lakehouse/resolve-table-name.js';
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
    });
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
      await assertReadOnlyQuery(engine.db, query);
      const tables = await readLakeTables(lake.dir);
      const only = referencedTables(engine, tables, query);
      await registerLakeViews(engine, tables, { asOf, only });
      read = await readVersionsOf(engine, only);
      const result = await engine.db.stream(query);
      const writer: RowWriter =
        format === 'csv'
          ? new CsvRowWriter(io.stdout)
          : format === 'json'
            ? new JsonRowWriter(io.stdout)
            : new TableRowWriter(io.stdout);
      writer.start(
        result.columnNames().map((name, i) => ({ name, kind: resultColumnKind(result.columnTypeId(i)) })),
      );
      for await (const batch of result.yieldRowsJson()) {
        writer.rows(batch);
        rows += batch.length;
        await waitForDrain(io.stdout);
      }
      writer.end();
      outcome = 'allowed';
      return 0;
    } catch (error) {
      outcome = (error as { exitCode?: number }).exitCode === 2 ? 'rejected' : 'failed';
      throw error;
    } finally {
      // Every console query is audited, refused ones too.
      await recordCliQuery(engine, lake.dir, {
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
async function readVersionsOf(engine: DuckDbEngine, tables: readonly LakeTable[]) {
  const out: { table: string; version: number }[] = [];
  for (const t of tables) {
    const table = engine.table(t.path, qualifiedName(t));
    if (await table.exists())
      out.push({ table: qualifiedName(t), version: (await table.readSnapshot()).version });
  }
  return out;
}

/** The lake tables a query names, so only those are registered; all of them when unsure. */
function referencedTables(
  engine: DuckDbEngine,
  tables: readonly LakeTable[],
  query: string,
): readonly LakeTable[] {
  let names: readonly string[];
  try {
    names = engine.db.connection.getTableNames(query, true);
  } catch {
    return tables;
  }
  if (names.length === 0) return tables;
  const found = new Set<LakeTable>();
  for (const name of names) {
    try {
      found.add(resolveTableName(tables, name.replace(/"/g, '')));
    } catch {
      // Not a lake table (a CTE name, or a typo DuckDB will report).
    }
  }
  return [...found];
}

export default command;
