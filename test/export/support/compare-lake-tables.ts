import type { StructType } from '../../../src/delta/schema.js';
import type { DuckDbDatabase } from '../../../src/engine/duckdb/duckdb-database.js';
import type { DuckDbEngine } from '../../../src/engine/duckdb/duckdb-engine.js';
import { tableDir } from '../../../src/lakehouse/lake-layout.js';
import { canonicalObjects, canonicalRowText } from '../../delta/support/canonical-rows.js';

/** How one table of two lakes compares: 'same', or what differs. */
export interface TableComparison {
  table: string;
  differences: string[];
  /** Canonical rows (JSON) that only one lake has. */
  onlyDuckDb: string[];
  onlySpark: string[];
  /** Quarantine tables: rows per source table and reason, in each lake. */
  reasons?: { duckdb: Record<string, number>; spark: Record<string, number> };
}

function columns(schema: StructType): string[] {
  return schema.fields.map((f) => `${f.name} ${JSON.stringify(f.type)}`);
}

/**
 * Compares `lakehouse.dbo.name` in two lakes through carelake's own reader: the Delta schema
 * (names and types, in order), the partition columns, and every row (canonical values, as a
 * multiset). `normalize` may rewrite a canonical row before the comparison (an explicitly
 * documented difference); rows are otherwise compared exactly.
 *
 * @example
 * await compareLakeTable(engine, duckLake, sparkLake, 'lh_gold', 'gold_healthcare_kpis');
 */
export async function compareLakeTable(
  engine: DuckDbEngine,
  duckLake: string,
  sparkLake: string,
  lakehouse: string,
  name: string,
  normalize: (row: Record<string, unknown>) => Record<string, unknown> = (row) => row,
): Promise<TableComparison> {
  const table = `${lakehouse}.dbo.${name}`;
  const duck = engine.table(tableDir(duckLake, lakehouse, name), table);
  const spark = engine.table(tableDir(sparkLake, lakehouse, name), table);
  if (!(await spark.exists()))
    return { table, differences: ['missing on Spark'], onlyDuckDb: [], onlySpark: [] };
  const a = await duck.readSnapshot();
  const b = await spark.readSnapshot();
  const differences: string[] = [];
  const ca = columns(a.schema);
  const cb = columns(b.schema);
  if (ca.join() !== cb.join())
    differences.push(
      `schema: DuckDB [${ca.filter((c) => !cb.includes(c)).join(', ')}] vs Spark [${cb.filter((c) => !ca.includes(c)).join(', ')}]${ca.length === cb.length && ca.every((c) => cb.includes(c)) ? ' (order)' : ''}`,
    );
  if (a.partitionColumns.join() !== b.partitionColumns.join())
    differences.push(`partitions: ${a.partitionColumns.join()} vs ${b.partitionColumns.join()}`);
  const ra = await rowTexts(engine.db, a, normalize);
  const rb = await rowTexts(engine.db, b, normalize);
  const onlyDuck = multisetMinus(ra, rb);
  const onlySpark = multisetMinus(rb, ra);
  if (onlyDuck.length > 0 || onlySpark.length > 0)
    differences.push(
      `rows: ${ra.length} vs ${rb.length}; ${onlyDuck.length} only on DuckDB, ${onlySpark.length} only on Spark; first DuckDB ${onlyDuck[0] ?? '-'}; first Spark ${onlySpark[0] ?? '-'}`,
    );
  const result: TableComparison = { table, differences, onlyDuckDb: onlyDuck, onlySpark };
  if (name === 'quarantine')
    result.reasons = { duckdb: await reasonCounts(engine.db, a), spark: await reasonCounts(engine.db, b) };
  return result;
}

async function rowTexts(
  db: DuckDbDatabase,
  snapshot: Parameters<typeof canonicalObjects>[1],
  normalize: (row: Record<string, unknown>) => Record<string, unknown>,
): Promise<string[]> {
  return (await canonicalObjects(db, snapshot))
    .map((r) => canonicalRowText(normalize(r) as Parameters<typeof canonicalRowText>[0]))
    .sort();
}

async function reasonCounts(
  db: DuckDbDatabase,
  snapshot: Parameters<typeof canonicalObjects>[1],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const r of await canonicalObjects(db, snapshot)) {
    const key = `${r._source_table} ${r._reject_reason}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort(([x], [y]) => (x < y ? -1 : 1)));
}

function multisetMinus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  const out: string[] = [];
  for (const x of a) {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    else out.push(x);
  }
  return out;
}
