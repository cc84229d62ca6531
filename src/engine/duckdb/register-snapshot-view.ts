import { createHash } from 'node:crypto';
import type { AddFile } from '../../delta/actions.js';
import type { DeletionVectorDescriptor } from '../../delta/deletion-vector.js';
import { readDeletedRows } from '../../delta/read-deletion-vector.js';
import type { Snapshot } from '../../delta/snapshot.js';
import { quoteIdentifier } from '../quote-identifier.js';
import { deltaToDuckdbType } from './delta-to-duckdb-type.js';
import type { DuckDbDatabase } from './duckdb-database.js';

/**
 * Creates (or replaces) a view `catalog.schema.name` over a snapshot: one `read_parquet` per
 * partition tuple, partition columns added as typed constants taken from the log (never parsed
 * from folder names), every column cast to the table's type. A file with a deletion vector is
 * read on its own, leaving out the row positions its vector deletes. File lists and partition values are
 * bound into DuckDB variables, so no value is spliced into SQL text.
 *
 * @example
 * await registerSnapshotView(db, { catalog: 'lh_gold', schema: 'dbo', name: 't' }, snapshot);
 */
export async function registerSnapshotView(
  db: DuckDbDatabase,
  target: { catalog: string; schema: string; name: string },
  snapshot: Snapshot,
): Promise<void> {
  // The view's variables are named after the view, so registering it again replaces them: a
  // counter gave every registration new ones, and a long-running watcher kept them all (3,000
  // registrations of one 200-file view held 3,000 variables and 208 MB).
  const id = `carelake_v_${createHash('sha256').update(`${target.catalog}\0${target.schema}\0${target.name}`).digest('hex').slice(0, 16)}`;
  const partitionColumns = new Set(snapshot.partitionColumns);
  const groups = new Map<string, AddFile[]>();
  // A file with a deletion vector is scanned on its own, without the rows the vector deletes.
  const deletedRows: number[][] = [];
  for (const f of snapshot.files) {
    const vector = f.deletionVector as DeletionVectorDescriptor | null | undefined;
    if (vector !== undefined && vector !== null) {
      deletedRows.push(await readDeletedRows(snapshot.tablePath, vector));
      groups.set(`dv${deletedRows.length}`, [f]);
      continue;
    }
    const key = JSON.stringify(snapshot.partitionColumns.map((c) => f.partitionValues[c] ?? null));
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const selects: string[] = [];
  const columnsByFile = await readTopLevelColumns(
    db,
    snapshot.files.map((f) => snapshot.absolutePath(f)),
  );
  // Two variables per view, whatever its partitions: a SET per partition was a round trip each
  // (about 50 ms for a 16-bucket table, a tenth of a small sessions run).
  const filesVar = `${id}_files`;
  const valuesVar = `${id}_values`;
  const deletedVar = `${id}_deleted`;
  const fileLists: string[][] = [];
  const values: (string | null)[] = [];
  for (const [key, files] of groups) {
    const paths = files.map((f) => snapshot.absolutePath(f));
    fileLists.push(paths);
    const present = new Set(paths.flatMap((p) => describedColumns(columnsByFile, p)));
    const columns: string[] = [];
    for (const field of snapshot.schema.fields) {
      const type = deltaToDuckdbType(field.type);
      const name = quoteIdentifier(field.name);
      if (partitionColumns.has(field.name)) {
        values.push(files[0]!.partitionValues[field.name] ?? null);
        columns.push(`CAST(getvariable('${valuesVar}')[${values.length}] AS ${type}) AS ${name}`);
      } else if (!present.has(field.name)) {
        columns.push(`CAST(NULL AS ${type}) AS ${name}`);
      } else {
        // DuckDB drops a cast to the type a column already has, so filters still reach the scan.
        columns.push(`CAST(${name} AS ${type}) AS ${name}`);
      }
    }
    const scan = `read_parquet(getvariable('${filesVar}')[${fileLists.length}], hive_partitioning = false, union_by_name = true`;
    const vector = /^dv(\d+)$/.exec(key);
    selects.push(
      vector
        ? `SELECT ${columns.join(', ')} FROM ${scan}, file_row_number = true) WHERE file_row_number NOT IN (SELECT unnest(getvariable('${deletedVar}')[${vector[1]}]))`
        : `SELECT ${columns.join(', ')} FROM ${scan})`,
    );
  }
  if (deletedRows.length > 0) {
    await db.run(
      `SET VARIABLE ${deletedVar} = [${deletedRows.map((_, i) => `$${i + 1}::BIGINT[]`).join(', ')}]`,
      deletedRows,
    );
  }
  if (fileLists.length > 0) {
    await db.run(
      `SET VARIABLE ${filesVar} = [${fileLists.map((_, i) => `$${i + 1}`).join(', ')}]`,
      fileLists,
    );
  }
  if (values.length > 0) {
    await db.run(
      `SET VARIABLE ${valuesVar} = [${values.map((_, i) => `$${i + 1}::VARCHAR`).join(', ')}]`,
      values,
    );
  }
  if (selects.length === 0) {
    const empty = snapshot.schema.fields.map(
      (f) => `CAST(NULL AS ${deltaToDuckdbType(f.type)}) AS ${quoteIdentifier(f.name)}`,
    );
    selects.push(`SELECT ${empty.join(', ') || '1 AS __empty'} WHERE false`);
  }
  // catalog 'temp' means a temporary view of this connection.
  const create =
    target.catalog === 'temp'
      ? `CREATE OR REPLACE TEMP VIEW ${quoteIdentifier(target.name)}`
      : `CREATE OR REPLACE VIEW ${[target.catalog, target.schema, target.name].map(quoteIdentifier).join('.')}`;
  await db.run(`${create} AS ${selects.join(' UNION ALL ')}`);
}

/**
 * The top-level column names of each Parquet file, from one `parquet_schema` call over all of
 * them (the schema is a flattened tree: a root, then each column followed by its nested fields).
 */
async function readTopLevelColumns(db: DuckDbDatabase, paths: string[]): Promise<Map<string, string[]>> {
  const byFile = new Map<string, string[]>();
  if (paths.length === 0) return byFile;
  const rows = await db.readRows('SELECT file_name, name, num_children FROM parquet_schema($1)', [paths]);
  let file = '';
  let pendingRoot = 0;
  let skip = 0;
  for (const row of rows) {
    const children = Number(row.num_children ?? 0);
    if (String(row.file_name) !== file) {
      file = String(row.file_name);
      byFile.set(file, []);
      pendingRoot = children;
      skip = 0;
      continue;
    }
    if (skip > 0) {
      skip += children - 1;
      continue;
    }
    if (pendingRoot > 0) {
      byFile.get(file)!.push(String(row.name));
      pendingRoot--;
      skip = children;
    }
  }
  return byFile;
}

function describedColumns(byFile: Map<string, string[]>, path: string): string[] {
  const columns = byFile.get(path);
  // Never read a file as all-NULL columns because its name came back spelled differently.
  if (columns === undefined) throw new Error(`parquet_schema returned no schema for ${path}`);
  return columns;
}
