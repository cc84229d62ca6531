import type { DeltaTable } from '../../delta/delta-table.js';
import { optimizeTable } from '../../delta/optimize-table.js';
import { restoreTable } from '../../delta/restore-table.js';
import { typeName } from '../../delta/schema.js';
import { vacuumTable } from '../../delta/vacuum-table.js';
import { DuckDbEngine } from '../../engine/duckdb/duckdb-engine.js';
import { UsageError } from '../../errors/usage-error.js';
import type { Command, CommandIO } from '../command.js';
import { openLakeTable } from '../open-lake-table.js';
import { parseAsOf } from '../parse-as-of.js';
import { parseOptions } from '../parse-options.js';

const help = `Usage: carelake table <action> <name> [--lake DIR] [options]

Actions:
  history  <name> [--limit N] [--json]   commits, newest first
  describe <name> [--json]               schema, partitioning, files, rows, size, properties
  optimize <name> [--zorder col,col] [--target-file-mb N]
                                         compact small files, or rewrite in Z-order
  vacuum   <name> [--retain-hours N] [--dry-run] [--allow-short-retention]
                                         delete files no longer referenced (default 168 hours)
  restore  <name> --version N | --timestamp TS
                                         make the current version equal an older one

<name> is lakehouse.schema.table (lh_gold.dbo.gold_healthcare_kpis) or a bare name that is
unique in the lake.

Examples:
  carelake table history clinician_emr_sessions
  carelake table optimize lh_silver.dbo.emr_events --zorder clinician_id,event_timestamp
  carelake table vacuum emr_events --dry-run
  carelake table restore gold_healthcare_kpis --version 3
`;

const ACTIONS = ['history', 'describe', 'optimize', 'vacuum', 'restore'] as const;

const command: Command = {
  help,
  async run(args, io) {
    const { values, positionals } = parseOptions('table', args, {
      lake: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
      zorder: { type: 'string' },
      'target-file-mb': { type: 'string' },
      'retain-hours': { type: 'string' },
      'dry-run': { type: 'boolean' },
      'allow-short-retention': { type: 'boolean' },
      version: { type: 'string' },
      timestamp: { type: 'string' },
    });
    const [action, name] = positionals;
    if (action === undefined || !(ACTIONS as readonly string[]).includes(action)) {
      throw new UsageError(`table: give an action (${ACTIONS.join(', ')}); see carelake table --help`);
    }
    if (name === undefined || positionals.length > 2)
      throw new UsageError(`table ${action}: give exactly one table name`);
    const engine = await DuckDbEngine.open();
    try {
      const table = await openLakeTable(engine, name, values.lake, io);
      // The audit trail is append-only: nothing in carelake rewrites, compacts away or deletes it.
      if (action !== 'history' && action !== 'describe' && table.name.toLowerCase().startsWith('lh_audit.'))
        throw new UsageError(
          `table ${action}: ${table.name} is part of the audit trail, which carelake never rewrites or deletes`,
        );
      switch (action) {
        case 'history':
          return await history(table, io, numberOption('limit', values.limit), values.json === true);
        case 'describe':
          return await describe(table, io, values.json === true);
        case 'optimize': {
          const zorderBy = values.zorder
            ?.split(',')
            .map((c) => c.trim())
            .filter(Boolean);
          const mb = numberOption('target-file-mb', values['target-file-mb']);
          const r = await optimizeTable(table, engine.writer, {
            ...(zorderBy ? { zorderBy } : {}),
            ...(mb !== undefined ? { targetFileBytes: mb * 1024 * 1024 } : {}),
          });
          io.stdout.write(
            r.version === undefined
              ? `${table.name}: nothing to optimize\n`
              : `${table.name}: version ${r.version}: ${r.filesRemoved} files rewritten as ${r.filesAdded} in ${r.partitionsOptimized} partition(s)${zorderBy ? ` (z-order by ${zorderBy.join(', ')})` : ''}\n`,
          );
          return 0;
        }
        case 'vacuum': {
          const hours = numberOption('retain-hours', values['retain-hours']);
          const r = await vacuumTable(table, {
            ...(hours !== undefined ? { retentionHours: hours } : {}),
            dryRun: values['dry-run'] === true,
            allowShortRetention: values['allow-short-retention'] === true,
          });
          const verb = r.dryRun ? 'would delete' : 'deleted';
          io.stdout.write(`${table.name}: ${verb} ${r.files.length} file(s), ${r.bytes} bytes\n`);
          for (const f of r.files) io.stdout.write(`  ${f}\n`);
          return 0;
        }
        case 'restore': {
          const at = parseAsOf(values.version ?? values.timestamp);
          if (at === undefined || (values.version !== undefined && values.timestamp !== undefined)) {
            throw new UsageError('table restore: give either --version N or --timestamp TS');
          }
          const r = await restoreTable(
            table,
            'version' in at ? { version: at.version } : { timestamp: at.timestamp },
          );
          io.stdout.write(
            `${table.name}: restored version ${r.restoredVersion} as version ${r.version} (${r.filesAdded} files re-added, ${r.filesRemoved} removed)\n`,
          );
          return 0;
        }
      }
      return 0;
    } finally {
      engine.close();
    }
  },
};

function numberOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0)
    throw new UsageError(`--${name} must be a non-negative number, got "${text}"`);
  return n;
}

async function history(
  table: DeltaTable,
  io: CommandIO,
  limit: number | undefined,
  json: boolean,
): Promise<number> {
  const entries = await table.readHistory(limit);
  if (json) {
    io.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
    return 0;
  }
  io.stdout.write('version | timestamp                | operation              | parameters\n');
  for (const e of entries) {
    const params = Object.entries(e.operationParameters)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
    io.stdout.write(
      `${String(e.version).padStart(7)} | ${e.timestamp.toISOString()} | ${e.operation.padEnd(22)} | ${params}\n`,
    );
  }
  return 0;
}

async function describe(table: DeltaTable, io: CommandIO, json: boolean): Promise<number> {
  const s = await table.readSnapshot();
  const info = {
    table: table.name,
    location: table.path,
    version: s.version,
    protocol: s.protocol,
    partitionColumns: s.partitionColumns,
    numFiles: s.files.length,
    numRecords: s.numRecords() ?? null,
    sizeInBytes: s.sizeInBytes(),
    properties: s.metadata.configuration ?? {},
    columns: s.schema.fields.map((f) => ({ name: f.name, type: typeName(f.type), nullable: f.nullable })),
  };
  if (json) {
    io.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(6, ...info.columns.map((c) => c.name.length));
  let text = `${info.table}\n  location   ${info.location}\n  version    ${info.version}\n`;
  text += `  protocol   reader ${s.protocol.minReaderVersion}, writer ${s.protocol.minWriterVersion}\n`;
  text += `  partitions ${info.partitionColumns.join(', ') || '(none)'}\n  files      ${info.numFiles}\n`;
  text += `  rows       ${info.numRecords ?? 'unknown'}\n  size       ${info.sizeInBytes} bytes\n`;
  for (const [k, v] of Object.entries(info.properties)) text += `  property   ${k}=${v}\n`;
  text += `\n  ${'column'.padEnd(width)}  type\n`;
  for (const c of info.columns)
    text += `  ${c.name.padEnd(width)}  ${c.type}${c.nullable ? '' : ' NOT NULL'}\n`;
  io.stdout.write(text);
  return 0;
}

export default command;
