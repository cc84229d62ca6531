import { quoteIdentifier } from '../engine/quote-identifier.js';
import { type CheckedMeasureRequest, checkMeasureRequest } from './check-measure-request.js';
import type {
  CompiledMeasureQuery,
  MeasureColumn,
  MeasureDefinition,
  MeasureRequest,
} from './measure-types.js';
import { CELL_COUNT, cellCountColumn, PATIENT_LEVEL_TABLES } from './patient-level-tables.js';
import { SOURCE_TABLES } from './source-tables.js';

/**
 * Compiles a measure request into one read-only query with bound `$name` parameters. Pure.
 *
 * Guarantees:
 * - Every value (filter values, dates, the time zone) is a parameter; identifiers come from the
 *   catalog and go through quoteIdentifier; measure expressions are the catalog's trusted SQL.
 * - Measures that share a source table, lookups, row filter and date column are computed in one
 *   grouped subquery. Measures from different sources are separate subqueries, each filtered
 *   the same way, outer-joined on the dimension values (NULL matches NULL), so no source's rows
 *   are multiplied by another's. Without dimensions each subquery is one row (a cross join).
 * - With `cellCounts`, each measure over a patient-level table also gets `__cells_<name>`: the
 *   number of stays (or claims) behind its value, for small-cell suppression.
 * - Output: the requested dimensions (named by dimension; `date` is the first day of its grain),
 *   then the measures in request order, as DOUBLE, rows ordered by the dimensions.
 *
 * @example
 * const q = compileMeasureQuery({ measures: ['avg_los'], by: [{ dimension: 'payer' }] });
 * await engine.db.readRows(q.sql, q.params);
 */
export function compileMeasureQuery(
  request: MeasureRequest,
  options: { cellCounts?: boolean } = {},
): CompiledMeasureQuery {
  const checked = checkMeasureRequest(request);
  const params: Record<string, string> = {};
  checked.filters.forEach((f, i) => {
    f.values.forEach((v, j) => {
      params[`f${i}_${j}`] = v;
    });
  });
  if (checked.from !== undefined) params.from = checked.from;
  if (checked.to !== undefined) params.to = checked.to;

  const groups = new Map<string, MeasureDefinition[]>();
  for (const m of checked.measures) {
    const key = JSON.stringify([m.table, m.lookups ?? [], m.rowFilter ?? '', m.dateColumn ?? null]);
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const ctes = [...groups.values()].map(
    (members, i) => `g${i} AS (\n${groupQuery(members, checked, options.cellCounts === true)}\n)`,
  );
  if (ctes.some((c) => c.includes('$time_zone'))) params.time_zone = checked.timeZone;

  const dims = checked.by.map((b) => quoteIdentifier(b.dimension));
  const groupOf = new Map<string, number>();
  [...groups.values()].forEach((members, i) => {
    for (const m of members) groupOf.set(m.name, i);
  });
  const measureCols = checked.measures.map((m) => `g${groupOf.get(m.name)}.${quoteIdentifier(m.name)}`);
  // Small-cell suppression needs, for each patient-level measure, how many rows it aggregated.
  const counted = options.cellCounts ? checked.measures.filter((m) => PATIENT_LEVEL_TABLES.has(m.table)) : [];
  for (const m of counted)
    measureCols.push(
      `g${groupOf.get(m.name)}.${quoteIdentifier(CELL_COUNT)} AS ${quoteIdentifier(cellCountColumn(m.name))}`,
    );
  let body: string;
  if (groups.size === 1) {
    body = `SELECT ${[...dims.map((d) => `g0.${d}`), ...measureCols].join(', ')}\nFROM g0`;
  } else if (dims.length === 0) {
    body = `SELECT ${measureCols.join(', ')}\nFROM ${ctes.map((_, i) => `g${i}`).join(' CROSS JOIN ')}`;
  } else {
    const keys = ctes.map((_, i) => `SELECT ${dims.join(', ')} FROM g${i}`).join(' UNION ');
    ctes.push(`dimension_keys AS (${keys})`);
    const joins = ctes
      .slice(0, -1)
      .map(
        (_, i) =>
          `LEFT JOIN g${i} ON ${dims.map((d) => `g${i}.${d} IS NOT DISTINCT FROM k.${d}`).join(' AND ')}`,
      );
    body = `SELECT ${[...dims.map((d) => `k.${d}`), ...measureCols].join(', ')}\nFROM dimension_keys AS k\n${joins.join('\n')}`;
  }
  const order = dims.length ? `\nORDER BY ${dims.map((_, i) => `${i + 1} NULLS LAST`).join(', ')}` : '';

  const columns: MeasureColumn[] = [
    ...checked.by.map(
      (b): MeasureColumn => ({
        name: b.dimension,
        role: 'dimension',
        dimension: b.dimension,
        ...(b.grain ? { grain: b.grain } : {}),
      }),
    ),
    ...checked.measures.map(
      (m): MeasureColumn => ({
        name: m.name,
        role: 'measure',
        measure: m.name,
        label: m.label,
        format: m.format,
      }),
    ),
  ];
  const tables = [...new Set(checked.measures.flatMap((m) => m.tables))].sort();
  return { sql: `WITH ${ctes.join(',\n')}\n${body}${order}`, params, tables, columns };
}

function groupQuery(
  members: readonly MeasureDefinition[],
  checked: CheckedMeasureRequest,
  cellCounts: boolean,
): string {
  const first = members[0]!;
  const dimensionColumns = SOURCE_TABLES[first.table] ?? {};
  const selects = checked.by.map((b) => {
    if (b.dimension === 'date') return `${dateBucket(first, b.grain ?? 'day')} AS ${quoteIdentifier('date')}`;
    return `s.${quoteIdentifier(dimensionColumns[b.dimension]!)} AS ${quoteIdentifier(b.dimension)}`;
  });
  for (const m of members) {
    const value = m.decimals === undefined ? `(${m.expression})` : `round(${m.expression}, ${m.decimals})`;
    selects.push(`CAST(${value} AS DOUBLE) AS ${quoteIdentifier(m.name)}`);
  }
  if (cellCounts && PATIENT_LEVEL_TABLES.has(first.table))
    selects.push(`count(*) AS ${quoteIdentifier(CELL_COUNT)}`);
  const joins = (first.lookups ?? []).map(
    (l) =>
      `LEFT JOIN ${qualified(l.table)} AS ${quoteIdentifier(l.alias)} ON ${quoteIdentifier(l.alias)}.${quoteIdentifier(l.on.lookup)} = s.${quoteIdentifier(l.on.source)}`,
  );
  const where: string[] = first.rowFilter ? [`(${first.rowFilter})`] : [];
  checked.filters.forEach((f, i) => {
    const column = `s.${quoteIdentifier(dimensionColumns[f.dimension]!)}`;
    where.push(`${column} IN (${f.values.map((_, j) => `$f${i}_${j}`).join(', ')})`);
  });
  if (checked.from !== undefined) where.push(`${dayOf(first)} >= CAST($from AS DATE)`);
  if (checked.to !== undefined) where.push(`${dayOf(first)} <= CAST($to AS DATE)`);
  return [
    `  SELECT ${selects.join(', ')}`,
    `  FROM ${qualified(first.table)} AS s`,
    ...joins.map((j) => `  ${j}`),
    ...(where.length ? [`  WHERE ${where.join(' AND ')}`] : []),
    ...(checked.by.length ? [`  GROUP BY ${checked.by.map((_, i) => i + 1).join(', ')}`] : []),
  ].join('\n');
}

function dayOf(m: MeasureDefinition): string {
  const column = `s.${quoteIdentifier(m.dateColumn!.column)}`;
  return m.dateColumn!.type === 'date' ? column : `CAST(timezone($time_zone, ${column}) AS DATE)`;
}

function dateBucket(m: MeasureDefinition, grain: 'day' | 'week' | 'month'): string {
  return grain === 'day' ? dayOf(m) : `CAST(date_trunc('${grain}', ${dayOf(m)}) AS DATE)`;
}

function qualified(table: string): string {
  return table.split('.').map(quoteIdentifier).join('.');
}
