import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { PartitionValues } from '../../delta/actions.js';
import type { DataWriter, WriteSource, WrittenFile } from '../../delta/data-writer.js';
import { partitionFolder } from '../../delta/partition-path.js';
import { serializePartitionValue } from '../../delta/partition-value.js';
import type { DeltaType, StructField } from '../../delta/schema.js';
import type { SourceColumn, WriteColumn } from '../../delta/write-schema.js';
import { quoteIdentifier } from '../quote-identifier.js';
import { type CopyColumnStats, deltaStatsFromCopy } from './delta-stats-from-copy.js';
import { deltaToDuckdbType } from './delta-to-duckdb-type.js';
import type { DuckDbDatabase, SqlParam, SqlParams } from './duckdb-database.js';
import { duckdbToDeltaType } from './duckdb-to-delta-type.js';
import { zorderSelect } from './zorder-expression.js';

/**
 * Writes Delta data files with DuckDB's `COPY … TO … (FORMAT parquet, RETURN_STATS)`: one pass
 * over the rows, statistics straight from the writer, partitions split by DuckDB and then moved
 * into Spark-style folders (`col=escaped`, `__HIVE_DEFAULT_PARTITION__` for null).
 *
 * @example
 * const files = await new DuckDbDataWriter(db).writeFiles({ source, tableDir, columns, partitionColumns: [], partitionTypes: {} });
 */
export class DuckDbDataWriter implements DataWriter {
  constructor(private readonly db: DuckDbDatabase) {}

  async describeSource(source: WriteSource): Promise<SourceColumn[]> {
    // Run with the real parameters and no rows: a bare prepare cannot type untyped parameters.
    const { sql, params } = sourceSql(source);
    const result = await this.db.stream(`SELECT * FROM (${sql}) AS __src LIMIT 0`, params);
    const types = result.columnTypes();
    return result.columnNames().map((name, i) => ({ name, type: duckdbToDeltaType(types[i]!) }));
  }

  async writeFiles(request: Parameters<DataWriter['writeFiles']>[0]): Promise<WrittenFile[]> {
    const { source, tableDir, columns, partitionColumns, partitionTypes } = request;
    const { sql, params } = sourceSql(source, partitionTypes);
    // Compaction reads one partition, and a query may declare its one partition: write it
    // straight into that partition's folder (DuckDB cannot combine PARTITION_BY with
    // FILE_SIZE_BYTES, and a partitioned write of a single value costs ~15% more), leaving the
    // partition columns out.
    const declared = source.partitionValues;
    const fixed =
      partitionColumns.length > 0 && declared !== undefined && partitionColumns.every((c) => c in declared)
        ? declared
        : undefined;
    const splitBy = fixed ? [] : partitionColumns;
    const outputDir = fixed ? join(tableDir, partitionFolder(partitionColumns, fixed)) : tableDir;
    const projection = columns
      .filter((c) => !fixed || !partitionColumns.includes(c.name))
      .map((c) => projectColumn(c))
      .join(', ');
    let body = `SELECT ${projection} FROM (${sql}) AS __src`;
    if (request.zorderBy !== undefined && request.zorderBy.length > 0) {
      const z = zorderSelect(request.zorderBy, body);
      body = `SELECT * EXCLUDE (${z.keyColumn}, ${request.zorderBy.map((_, j) => `__zr${j}`).join(', ')}) FROM (${z.sql}) ORDER BY ${z.keyColumn}`;
    }
    const options = ['FORMAT parquet', 'COMPRESSION snappy', 'RETURN_STATS'];
    await mkdir(outputDir, { recursive: true });
    let target: string;
    if (splitBy.length > 0 || request.targetFileBytes !== undefined) {
      target = outputDir;
      options.push('APPEND', "FILENAME_PATTERN 'part-{i}-{uuid}-c000.snappy'");
      if (splitBy.length > 0) options.push(`PARTITION_BY (${splitBy.map(quoteIdentifier).join(', ')})`);
      if (request.targetFileBytes !== undefined)
        options.push(`FILE_SIZE_BYTES ${Math.floor(request.targetFileBytes)}`);
    } else {
      target = join(outputDir, `part-00000-${randomUUID()}-c000.snappy.parquet`);
    }
    // The target is bound after the source's own parameters, in the same style (DuckDB cannot mix them).
    let allParams: SqlParams;
    let targetParam: string;
    if (Array.isArray(params)) {
      targetParam = `$${params.length + 1}`;
      allParams = [...(params as SqlParam[]), target];
    } else {
      targetParam = '$carelake_target';
      allParams = { ...(params as Record<string, SqlParam>), carelake_target: target };
    }
    const rows = await this.db.readRows(
      `COPY (${body}) TO ${targetParam} (${options.join(', ')})`,
      allParams,
    );
    const fields: StructField[] = columns
      .filter((c) => !partitionColumns.includes(c.name))
      .map((c) => ({ name: c.name, type: c.type, nullable: true, metadata: {} }));
    const written: WrittenFile[] = [];
    for (const row of rows) {
      const numRecords = Number(row.count);
      const file = String(row.filename);
      if (numRecords === 0) {
        await rm(file, { force: true });
        continue;
      }
      const partitionValues =
        fixed ?? readPartitionValues(row.partition_keys, partitionColumns, partitionTypes);
      const relativePath = await placeFile(tableDir, file, partitionColumns, partitionValues);
      written.push({
        relativePath,
        partitionValues,
        size: Number(row.file_size_bytes),
        numRecords,
        stats: deltaStatsFromCopy(numRecords, readColumnStats(row.column_statistics), fields),
      });
    }
    return written;
  }
}

function sourceSql(
  source: WriteSource,
  partitionTypes: Readonly<Record<string, DeltaType>> = {},
): { sql: string; params: SqlParams } {
  if (source.kind === 'query') return { sql: source.sql, params: (source.params ?? []) as SqlParams };
  // Data files do not hold partition columns; they come back as constants from the log.
  const params: SqlParam[] = [source.paths];
  const constants = Object.entries(source.partitionValues).map(([column, value]) => {
    params.push(value);
    const type = partitionTypes[column] ?? 'string';
    return `CAST($${params.length} AS ${deltaToDuckdbType(type)}) AS ${quoteIdentifier(column)}`;
  });
  const extra = constants.length > 0 ? `, ${constants.join(', ')}` : '';
  return {
    sql: `SELECT *${extra} FROM read_parquet($1, hive_partitioning = false, union_by_name = true)`,
    params,
  };
}

function projectColumn(column: WriteColumn): string {
  const type = deltaToDuckdbType(column.type);
  const value = column.source === undefined ? 'NULL' : `__src.${quoteIdentifier(column.name)}`;
  return `CAST(${value} AS ${type}) AS ${quoteIdentifier(column.name)}`;
}

type KeyValue = { key: string; value: unknown };

function readPartitionValues(
  json: unknown,
  columns: readonly string[],
  types: Readonly<Record<string, DeltaType>>,
): PartitionValues {
  const values: PartitionValues = {};
  const entries = (json ?? []) as KeyValue[];
  for (const c of columns) {
    const entry = entries.find((e) => e.key === c);
    const text = entry === undefined || entry.value === null ? null : String(entry.value);
    values[c] = serializePartitionValue(types[c]!, text);
  }
  return values;
}

function readColumnStats(json: unknown): CopyColumnStats {
  const out: CopyColumnStats = {};
  for (const { key, value } of (json ?? []) as KeyValue[]) {
    const inner: Record<string, string | null> = {};
    for (const kv of (value ?? []) as KeyValue[]) inner[kv.key] = kv.value === null ? null : String(kv.value);
    out[key] = inner;
  }
  return out;
}

/** Moves a file DuckDB wrote into its Spark-style partition folder; returns its relative path. */
async function placeFile(
  tableDir: string,
  file: string,
  columns: readonly string[],
  values: PartitionValues,
): Promise<string> {
  if (columns.length === 0) return relative(tableDir, file);
  const name = file.slice(file.lastIndexOf('/') + 1);
  const wanted = join(partitionFolder(columns, values), name);
  const current = relative(tableDir, file);
  if (current === wanted) return wanted;
  await mkdir(join(tableDir, dirname(wanted)), { recursive: true });
  await rename(file, join(tableDir, wanted));
  // Remove DuckDB's now-empty folders, innermost first; a non-empty one stays.
  let dir = dirname(file);
  while (dir.startsWith(tableDir) && dir !== tableDir) {
    try {
      await rmdir(dir);
    } catch {
      break;
    }
    dir = dirname(dir);
  }
  return wanted;
}
