import type { Json } from '@duckdb/node-api';
import { DuckDbEngine } from '../engine/duckdb/duckdb-engine.js';
import { prepareSandboxedQuery } from '../engine/duckdb/prepare-sandboxed-query.js';
import { runWithTimeLimit } from '../engine/duckdb/run-with-time-limit.js';
import { translateQueryError } from '../engine/duckdb/translate-query-error.js';
import { UsageError } from '../errors/usage-error.js';
import { qualifiedName } from '../lakehouse/lake-table.js';
import type { Lake } from '../lakehouse/read-lake.js';
import { readLakeTables } from '../lakehouse/read-lake-tables.js';
import { parseByDimension, parseFilter, readMeasures, type TableVersion } from '../measures/index.js';
import { redactPhiLike } from '../privacy/redact-phi-like.js';
import { canReadTable } from '../server/auth/role.js';
import type { RuleRows } from './alert-match.js';
import type { AlertRule } from './alert-rule.js';
import { changeWindows, type DayRange, ruleWindow } from './alert-window.js';

/** What a rule read, and the evidence an alert keeps: the SQL, the window, the Delta versions. */
export interface RuleReading extends RuleRows {
  evidence: {
    source: 'measure' | 'query';
    sql: string;
    window?: DayRange;
    previous_window?: DayRange;
    tables: TableVersion[];
  };
}

/** A query rule may return at most this many rows (an alert per row is a flood, not an alert). */
export const MAX_QUERY_ROWS = 10_000;
const QUERY_SECONDS = 60;

/**
 * Reads what a rule looks at, now. A measure rule goes through the measure compiler
 * (readMeasures: the same SQL as `carelake measure` and the API), over its window in the lake's
 * zone; a change rule reads its two windows. A query rule runs like the SQL console, with an
 * analyst's rights: only silver and gold tables (never bronze, quarantine or the audit log),
 * read-only, no file access outside those tables, a time limit, at most MAX_QUERY_ROWS rows.
 *
 * @example
 * const reading = await readRuleRows(engine, lake, rule, new Date());
 */
export async function readRuleRows(
  engine: DuckDbEngine,
  lake: Lake,
  rule: AlertRule,
  now: Date,
): Promise<RuleReading> {
  if (rule.query !== undefined) return readQueryRule(lake, rule, rule.query);
  const m = rule.measure!;
  const zone = lake.config.sourceTimeZone;
  const request = {
    measures: [m.name],
    by: m.by.map(parseByDimension),
    filters: m.where.map(parseFilter),
  };
  const dims = request.by.map((b) => b.dimension);
  const keyColumns = rule.key ?? dims;
  if (rule.condition.type === 'change') {
    const w = changeWindows(rule.condition.days, now, zone);
    const current = await readMeasures(engine, lake, { ...request, ...w.current });
    const previous = await readMeasures(engine, lake, { ...request, ...w.previous });
    const before = new Map(
      previous.rows.map((r) => [JSON.stringify(dims.map((d) => r[d] ?? null)), r[m.name]]),
    );
    const changeColumn = `${m.name}_change${rule.condition.relative ? '_pct' : ''}`;
    const beforeColumn = `${m.name}_before`;
    const rows = current.rows.map((r) => {
      const was = before.get(JSON.stringify(dims.map((d) => r[d] ?? null)));
      const a = r[m.name];
      const change =
        a === null || a === undefined || was === null || was === undefined
          ? null
          : rule.condition.type === 'change' && rule.condition.relative
            ? Number(was) === 0
              ? null
              : (100 * (Number(a) - Number(was))) / Math.abs(Number(was))
            : Number(a) - Number(was);
      return { ...r, [beforeColumn]: (was ?? null) as Json, [changeColumn]: change };
    });
    return {
      rows,
      keyColumns,
      valueColumn: changeColumn,
      extraColumns: [m.name, beforeColumn],
      evidence: {
        source: 'measure',
        sql: current.sql,
        window: w.current,
        previous_window: w.previous,
        tables: current.versions,
      },
    };
  }
  const window = ruleWindow(m.window, now, zone);
  const result = await readMeasures(engine, lake, { ...request, ...(window ?? {}) });
  // A window of today makes the day part of the key: tomorrow's breach is a new alert.
  const rows = m.window === 'today' ? result.rows.map((r) => ({ day: window!.from, ...r })) : result.rows;
  return {
    rows,
    keyColumns: m.window === 'today' ? ['day', ...keyColumns] : keyColumns,
    valueColumn: rule.condition.type === 'threshold' ? (rule.condition.column ?? m.name) : undefined,
    evidence: { source: 'measure', sql: result.sql, ...(window ? { window } : {}), tables: result.versions },
  };
}

async function readQueryRule(lake: Lake, rule: AlertRule, sql: string): Promise<RuleReading> {
  const tables = (await readLakeTables(lake.dir)).filter((t) => canReadTable('analyst', qualifiedName(t)));
  const engine = await DuckDbEngine.open({ threads: 1 });
  try {
    let versions: TableVersion[];
    try {
      versions = (await prepareSandboxedQuery(engine, sql, tables, { versions: true })).versions;
    } catch (error) {
      if (error instanceof UsageError) throw new UsageError(`alert rule "${rule.name}": ${error.message}`);
      throw error;
    }
    const names = tables.map(qualifiedName);
    const { columns, rows } = await runWithTimeLimit(engine.db, QUERY_SECONDS, async () => {
      try {
        const result = await engine.db.stream(sql);
        const cols = result.columnNames();
        const out: Record<string, Json>[] = [];
        for await (const batch of result.yieldRowsJson()) {
          for (const r of batch) out.push(Object.fromEntries(cols.map((c, i) => [c, r[i] ?? null])));
          if (out.length > MAX_QUERY_ROWS) break;
        }
        return { columns: cols, rows: out };
      } catch (error) {
        throw translateQueryError((error as Error).message, names);
      }
    });
    if (rows.length > MAX_QUERY_ROWS)
      throw new UsageError(
        `alert rule "${rule.name}": its query returned more than ${MAX_QUERY_ROWS} rows; narrow it (an alert per row)`,
      );
    const valueColumn = rule.condition.type === 'threshold' ? rule.condition.column : undefined;
    if (valueColumn !== undefined && !columns.includes(valueColumn))
      throw new UsageError(
        `alert rule "${rule.name}": condition.column "${valueColumn}" is not a column of its query; columns: ${columns.join(', ')}`,
      );
    const keyColumns = rule.key ?? columns.filter((c) => c !== valueColumn);
    const unknown = keyColumns.find((k) => !columns.includes(k));
    if (unknown !== undefined)
      throw new UsageError(
        `alert rule "${rule.name}": key column "${unknown}" is not a column of its query; columns: ${columns.join(', ')}`,
      );
    return {
      rows,
      keyColumns,
      valueColumn,
      extraColumns: columns.filter((c) => c !== valueColumn && !keyColumns.includes(c)),
      // The rule's own SQL may hold literals: PHI-like ones are withheld here too.
      evidence: { source: 'query', sql: redactPhiLike(sql), tables: versions },
    };
  } finally {
    engine.close();
  }
}
