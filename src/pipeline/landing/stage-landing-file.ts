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

/**
 * Loads one landing file into two temporary tables: `staged` (`_line`, then every expected
 * column as text, NULL when absent or empty) and `malformed` (`_line`, `_raw` JSON, `_detail`)
 * for rows whose field count does not match the header. Text everywhere, so typing and its
 * failures are decided in SQL by the bronze model; nothing is dropped here.
 *
 * @example
 * const { rowsIn } = await stageLandingFile(db, file, ['event_id', 'clinician_id']);
 */
export async function stageLandingFile(
  db: DuckDbDatabase,
  file: LandingFile,
  columns: readonly string[],
): Promise<StagedFile> {
  const defs = columns.map((c) => `${quoteIdentifier(c)} VARCHAR`).join(', ');
  await db.run(`CREATE OR REPLACE TEMP TABLE staged (_line BIGINT, ${defs})`);
  await db.run('CREATE OR REPLACE TEMP TABLE malformed (_line BIGINT, _raw VARCHAR, _detail VARCHAR)');
  if (file.format === 'parquet') return stageParquet(db, file, columns);
  return stageCsv(db, file, columns);
}

async function stageParquet(
  db: DuckDbDatabase,
  file: LandingFile,
  columns: readonly string[],
): Promise<StagedFile> {
  const described = await db.readRows('SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet($1))', [
    file.path,
  ]);
  const present = new Set(described.map((r) => String(r.column_name).toLowerCase()));
  const select = columns.map((c) =>
    present.has(c.toLowerCase()) ? `CAST(${quoteIdentifier(c)} AS VARCHAR)` : 'NULL',
  );
  await db.run(`INSERT INTO staged SELECT row_number() OVER (), ${select.join(', ')} FROM read_parquet($1)`, [
    file.path,
  ]);
  const [row] = await db.readRows('SELECT count(*) AS n FROM staged');
  return { rowsIn: Number(row!.n), malformed: 0 };
}

async function stageCsv(
  db: DuckDbDatabase,
  file: LandingFile,
  columns: readonly string[],
): Promise<StagedFile> {
  const parser = new CsvRecordParser();
  const staged = await db.connection.createAppender('staged', 'main', 'temp');
  const malformed = await db.connection.createAppender('malformed', 'main', 'temp');
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
