import type { Json } from '@duckdb/node-api';
import { DuckDbEngine } from '../../engine/duckdb/duckdb-engine.js';
import { UsageError } from '../../errors/usage-error.js';
import { readLake, resolveLakeDir } from '../../lakehouse/read-lake.js';
import { listDimensions, listMeasures } from '../../measures/catalog.js';
import type { MeasureColumn } from '../../measures/measure-types.js';
import { parseByDimension } from '../../measures/parse-by-dimension.js';
import { parseFilter } from '../../measures/parse-filter.js';
import { readDimensionValues } from '../../measures/read-dimension-values.js';
import { readMeasures } from '../../measures/read-measures.js';
import type { Command, CommandIO } from '../command.js';
import { CsvRowWriter } from '../output/csv-row-writer.js';
import { JsonRowWriter } from '../output/json-row-writer.js';
import type { ResultColumn } from '../output/result-column.js';
import type { RowWriter } from '../output/row-writer.js';
import { TableRowWriter } from '../output/table-row-writer.js';
import { parseAsOf } from '../parse-as-of.js';
import { parseOptions } from '../parse-options.js';

const help = `Usage: carelake measure <name>… [--by DIM[:grain]]… [--where DIM=VALUE]… [--from DATE --to DATE]
                        [--format table|csv|json] [--as-of V|TS] [--lake DIR]
       carelake measure --list
       carelake measure --values DIM

Computes named hospital measures (readmission_rate, case_mix_index, occupancy_pct, …), each
defined once in src/measures, sliced by dimensions and filtered. Several measures from different
tables are computed separately and joined on the dimensions. See docs/measures.md.

Options:
  --by DIM[:GRAIN]   group by a dimension; date takes day (default), week or month (repeatable)
  --where FILTER     DIM=VALUE or DIM=V1,V2 (repeatable; values are bound, never spliced)
  --from DATE        first day, YYYY-MM-DD, on each measure's date column (inclusive)
  --to DATE          last day, YYYY-MM-DD (inclusive)
  --format F         table (default), csv or json
  --as-of V|TS       read each table at version V, or as of timestamp TS
  --list             list the measures and dimensions
  --values DIM       the distinct values of a dimension (for filters)
  --lake DIR         the lake (default $CARELAKE_LAKE, else ./lakehouse)

Examples:
  carelake measure readmission_rate case_mix_index --by payer
  carelake measure occupancy_pct --by date:month --from 2025-01-01 --to 2025-03-31
  carelake measure median_ed_to_admit_minutes --by date:week --where admit_type=Emergency,Urgent
  carelake measure sessions median_session_minutes --by clinician_role --format csv
`;

const command: Command = {
  help,
  async run(args, io) {
    const { values, positionals } = parseOptions('measure', args, {
      lake: { type: 'string' },
      by: { type: 'string', multiple: true },
      where: { type: 'string', multiple: true },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      'as-of': { type: 'string' },
      list: { type: 'boolean' },
      values: { type: 'string' },
    });
    if (values.list) {
      writeList(io);
      return 0;
    }
    const format = values.format ?? 'table';
    if (!['table', 'csv', 'json'].includes(format))
      throw new UsageError(`measure: unknown --format "${format}"; use table, csv or json`);
    const asOf = parseAsOf(values['as-of']);
    if (values.values === undefined && positionals.length === 0)
      throw new UsageError(`measure: name at least one measure (carelake measure --list shows them)`);
    const lake = await readLake(resolveLakeDir(values.lake, io.env, io.cwd));
    const engine = await DuckDbEngine.open();
    try {
      if (values.values !== undefined) {
        const list = await readDimensionValues(engine, lake, values.values, { asOf });
        writeRows(
          io,
          format,
          [{ name: values.values, kind: 'text' }],
          list.map((v) => [v]),
        );
        return 0;
      }
      const result = await readMeasures(
        engine,
        lake,
        {
          measures: positionals,
          by: (values.by ?? []).map(parseByDimension),
          filters: (values.where ?? []).map(parseFilter),
          ...(values.from !== undefined ? { from: values.from } : {}),
          ...(values.to !== undefined ? { to: values.to } : {}),
        },
        { asOf },
      );
      const columns = result.columns.map(outputColumn);
      writeRows(
        io,
        format,
        columns,
        result.rows.map((r) => columns.map((c) => r[c.name] ?? null)),
      );
      return 0;
    } finally {
      engine.close();
    }
  },
};

function outputColumn(column: MeasureColumn): ResultColumn {
  return { name: column.name, kind: column.role === 'measure' ? 'float' : 'text' };
}

function writeRows(io: CommandIO, format: string, columns: ResultColumn[], rows: Json[][]): void {
  const writer: RowWriter =
    format === 'csv'
      ? new CsvRowWriter(io.stdout)
      : format === 'json'
        ? new JsonRowWriter(io.stdout)
        : new TableRowWriter(io.stdout);
  writer.start(columns);
  writer.rows(rows);
  writer.end();
}

function writeList(io: CommandIO): void {
  const lines = ['Measures:'];
  for (const m of listMeasures()) {
    const b = m.benchmark;
    const target =
      b === undefined
        ? ''
        : b.kind === 'range'
          ? `  target ${b.low}–${b.high}`
          : `  target ${b.kind} ${b.value}`;
    lines.push(`  ${m.name.padEnd(28)}${m.format.padEnd(9)}${m.label}${target}`);
    lines.push(`  ${''.padEnd(28)}${m.table}; by ${m.dimensions.join(', ')}`);
  }
  lines.push('', 'Dimensions:');
  for (const d of listDimensions()) {
    lines.push(`  ${d.name.padEnd(16)}${d.label}${d.grains ? ` (${d.grains.join(', ')})` : ''}`);
  }
  io.stdout.write(`${lines.join('\n')}\n`);
}

export default command;
