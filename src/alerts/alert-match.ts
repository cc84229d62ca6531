import type { Json } from '@duckdb/node-api';
import { redactPhiLike } from '../privacy/redact-phi-like.js';
import type { AlertRule } from './alert-rule.js';

/** One row that meets a rule's condition. */
export interface AlertMatch {
  /** Identifies the alert within its rule: `column=value` pairs, or `*` for a single value. */
  key: string;
  /** The compared value (the measure, the change), null for new_row rules. */
  value: number | null;
  /** What the payload shows: the key columns and the value (query rules: the row's columns). */
  fields: Record<string, Json>;
}

/** Rows a rule read, with the columns that identify an alert and the one compared. */
export interface RuleRows {
  rows: readonly Record<string, Json>[];
  keyColumns: readonly string[];
  valueColumn: string | undefined;
  /** Columns shown beside the key and the value. */
  extraColumns?: readonly string[];
}

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
};

/**
 * The rows that meet the rule's condition, each with its alert key and the fields its payload
 * carries. Text that looks like a raw MRN or an unmasked SSN is withheld from keys and fields,
 * whatever the rule selected. Pure.
 *
 * @example
 * matchAlertCondition(rule, { rows: [{ unit: 'ICU', v: 91 }], keyColumns: ['unit'], valueColumn: 'v' }); // [{ key: 'unit=ICU', value: 91, … }]
 */
export function matchAlertCondition(rule: AlertRule, read: RuleRows): AlertMatch[] {
  const out: AlertMatch[] = [];
  const c = rule.condition;
  for (const row of read.rows) {
    let value: number | null = null;
    if (c.type !== 'new_row') {
      const raw = read.valueColumn === undefined ? null : row[read.valueColumn];
      if (raw === null || raw === undefined || !Number.isFinite(Number(raw))) continue;
      value = Number(raw);
      if (!COMPARE[c.op]!(value, c.value)) continue;
    }
    const key = read.keyColumns.map((k) => `${k}=${text(row[k])}`).join(',') || '*';
    const shown = [
      ...read.keyColumns,
      ...(read.valueColumn ? [read.valueColumn] : []),
      ...(read.extraColumns ?? []),
    ];
    const fields: Record<string, Json> = {};
    for (const column of shown) fields[column] = clean(row[column] ?? null);
    out.push({ key: redactPhiLike(key), value, fields });
  }
  return out;
}

function text(v: Json | undefined): string {
  return v === null || v === undefined ? 'null' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function clean(v: Json): Json {
  return typeof v === 'string' ? redactPhiLike(v) : v;
}
