import type { AddFile } from '../../delta/actions.js';
import type { Snapshot } from '../../delta/snapshot.js';
import { quoteIdentifier } from '../quote-identifier.js';
import { deltaToDuckdbType } from './delta-to-duckdb-type.js';
import type { DuckDbDatabase } from './duckdb-database.js';

let viewCounter = 0;

/**
 * Creates (or replaces) a view `catalog.schema.name` over a snapshot: one `read_parquet` per
 * partition tuple, partition columns added as typed constants taken from the log (never parsed
 * from folder names), every column cast to the table's type. File lists and partition values are
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
  const id = `carelake_v${++viewCounter}`;
  const partitionColumns = new Set(snapshot.partitionColumns);
  const groups = new Map<string, AddFile[]>();
  for (const f of snapshot.files) {
    const key = JSON.stringify(snapshot.partitionColumns.map((c) => f.partitionValues[c] ?? null));
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const selects: string[] = [];
  let g = 0;
  for (const files of groups.values()) {
    const filesVar = `${id}_g${g}_files`;
    const paths = files.map((f) => snapshot.absolutePath(f));
    await db.run(`SET VARIABLE ${filesVar} = $1`, [paths]);
    const present = await presentColumns(db, paths);
    const columns: string[] = [];
    for (const field of snapshot.schema.fields) {
      const type = deltaToDuckdbType(field.type);
      const name = quoteIdentifier(field.name);
      if (partitionColumns.has(field.name)) {
        const valueVar = `${id}_g${g}_p${columns.length}`;
        await db.run(`SET VARIABLE ${valueVar} = $1::VARCHAR`, [
          files[0]!.partitionValues[field.name] ?? null,
        ]);
        columns.push(`CAST(getvariable('${valueVar}') AS ${type}) AS ${name}`);
      } else if (!present.has(field.name)) {
        columns.push(`CAST(NULL AS ${type}) AS ${name}`);
      } else if (sameType(present.get(field.name)!, type)) {
        columns.push(name);
      } else {
        columns.push(`CAST(${name} AS ${type}) AS ${name}`);
      }
    }
    selects.push(
      `SELECT ${columns.join(', ')} FROM read_parquet(getvariable('${filesVar}'), hive_partitioning = false, union_by_name = true)`,
    );
    g++;
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

async function presentColumns(db: DuckDbDatabase, paths: string[]): Promise<Map<string, string>> {
  const rows = await db.readRows(
    'SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet($1, hive_partitioning = false, union_by_name = true))',
    [paths],
  );
  return new Map(rows.map((r) => [String(r.column_name), String(r.column_type)]));
}

function sameType(described: string, wanted: string): boolean {
  const norm = (t: string) =>
    t.replace('TIMESTAMP WITH TIME ZONE', 'TIMESTAMPTZ').replace(/"/g, '').replace(/\s+/g, ' ');
  return norm(described) === norm(wanted);
}
