import { createReadStream } from 'node:fs';
import type { DuckDbDatabase } from '../../engine/duckdb/duckdb-database.js';
import { quoteIdentifier } from '../../engine/quote-identifier.js';
import { CsvRecordParser } from './csv-record-parser.js';
import type { LandingFile } from './landing-file.js';
import { withholdPhiLike } from './withhold-phi-like.js';

/** Counts from staging one file. */
export interface StagedFile {
  rowsIn: number;
  malformed: number;
}

/** The temporary names a staged file gets (several files may be staged side by side). */
export interface StagedNames {
  staged: string;
  malformed: string;
}

const DEFAULT_NAMES: StagedNames = { staged: 'staged', malformed: 'malformed' };

/**
 * Makes one landing file queryable as `staged` (`_line`, then every expected column) and fills
 * the temporary table `malformed` (`_line`, `_raw` JSON, `_detail`) with rows whose field count
 * does not match the header. A Parquet file is read in place through a view (its line is the
 * file row number), so nothing is copied; a column whose Parquet type is listed in `typed` for
 * it is passed through as is, every other one as text, NULL when absent. A CSV file is parsed
 * into a temporary table of text. Typing and its failures are decided in SQL by the bronze
 * model; nothing is dropped here. `names` stages it under other names (`staged_csv` becomes
 * `<staged>_csv`).
 *
 * @example
 * const { rowsIn } = await stageLandingFile(db, file, ['event_id', 'clinician_id'], { clinician_id: ['INTEGER', 'BIGINT'] });
 */
export async function stageLandingFile(
  db: DuckDbDatabase,
  file: LandingFile,
  columns: readonly string[],
  typed: Readonly<Record<string, readonly string[]>> = {},
  names: StagedNames = DEFAULT_NAMES,
): Promise<StagedFile> {
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(names.malformed)} (_line BIGINT, _raw VARCHAR, _detail VARCHAR)`,
  );
  if (file.format === 'parquet') return stageParquet(db, file, columns, typed, names.staged);
  const defs = columns.map((c) => `${quoteIdentifier(c)} VARCHAR`).join(', ');
  const table = `${names.staged}_csv`;
  await db.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(table)} (_line BIGINT, ${defs})`);
  await db.run(
    `CREATE OR REPLACE TEMP VIEW ${quoteIdentifier(names.staged)} AS SELECT * FROM ${quoteIdentifier(table)}`,
  );
  return stageCsv(db, file, columns, table, names.malformed);
}

async function stageParquet(
  db: DuckDbDatabase,
  file: LandingFile,
  columns: readonly string[],
  typed: Readonly<Record<string, readonly string[]>>,
  name: string,
): Promise<StagedFile> {
  // The view reads its path from a variable when queried (a view may hold no parameter).
  const variable = `'carelake_landing_file_${name}'`;
  await db.run(`SET VARIABLE ${quoteIdentifier(`carelake_landing_file_${name}`)} = $1`, [file.path]);
  const described = await db.readRows(
    `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(getvariable(${variable})))`,
  );
  const present = new Map(described.map((r) => [String(r.column_name).toLowerCase(), r]));
  const select = columns.map((c) => {
    const found = present.get(c.toLowerCase());
    if (found === undefined) return `NULL::VARCHAR AS ${quoteIdentifier(c)}`;
    const source = quoteIdentifier(String(found.column_name));
    const keep = typed[c]?.includes(String(found.column_type)) ?? false;
    return `${keep ? source : `CAST(${source} AS VARCHAR)`} AS ${quoteIdentifier(c)}`;
  });
  await db.run(
    `CREATE OR REPLACE TEMP VIEW ${quoteIdentifier(name)} AS SELECT file_row_number + 1 AS _line, ${select.join(', ')}
     FROM read_parquet(getvariable(${variable}), file_row_number = true)`,
  );
  const [row] = await db.readRows(
    `SELECT coalesce(sum(num_rows), 0) AS n FROM parquet_file_metadata(getvariable(${variable}))`,
  );
  return { rowsIn: Number(row!.n), malformed: 0 };
}

async function stageCsv(
  db: DuckDbDatabase,
  file: LandingFile,
  columns: readonly string[],
  table: string,
  malformedTable: string,
): Promise<StagedFile> {
  const parser = new CsvRecordParser();
  const staged = await db.connection.createAppender(table, 'main', 'temp');
  const malformed = await db.connection.createAppender(malformedTable, 'main', 'temp');
  let header: string[] | undefined;
  let positions: (number | undefined)[] = [];
  let missing: string[] = [];
  let rowsIn = 0;
  let bad = 0;
  const take = (records: ReturnType<CsvRecordParser['push']>) => {
    for (const record of records) {
      if (header === undefined) {
        header = record.fields.map((f) => f.trim().replace(/^\uFEFF/, ''));
        const lower = header.map((h) => h.toLowerCase());
        positions = columns.map((c) => {
          const i = lower.indexOf(c.toLowerCase());
          return i < 0 ? undefined : i;
        });
        missing = columns.filter((_, i) => positions[i] === undefined);
        continue;
      }
      rowsIn++;
      if (record.fields.length !== header.length || missing.length > 0) {
        bad++;
        malformed.appendBigInt(BigInt(record.line));
        malformed.appendVarchar(JSON.stringify(withholdPhiLike(record.fields)));
        malformed.appendVarchar(
          missing.length > 0
            ? `the header has no column ${missing.join(', ')}`
            : `line ${record.line} has ${record.fields.length} fields, the header has ${header.length}`,
        );
        malformed.endRow();
        continue;
      }
      staged.appendBigInt(BigInt(record.line));
      for (const p of positions) {
        const value = record.fields[p!]!;
        if (value === '') staged.appendNull();
        else staged.appendVarchar(value);
      }
      staged.endRow();
    }
  };
  for await (const chunk of createReadStream(file.path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    take(parser.push(chunk as string));
  }
  take(parser.end());
  staged.closeSync();
  malformed.closeSync();
  return { rowsIn, malformed: bad };
}
