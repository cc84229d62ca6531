/**
 * The vocabulary of the semantic layer: what a measure is, what a caller may ask for, and what
 * the compiler hands back. Types only; the catalog lives in definitions/ and catalog.ts.
 */

/** How a measure's value is meant to be shown. Percentages are 0–100, not 0–1. */
export type MeasureFormat = 'percent' | 'minutes' | 'currency' | 'number' | 'days' | 'ratio';

/** A category dimension (a column of the source table) or the calendar `date`. */
export type DimensionName =
  | 'date'
  | 'drg_code'
  | 'payer'
  | 'disposition'
  | 'unit'
  | 'admit_type'
  | 'risk_tier'
  | 'clinician_role';

/** Calendar buckets for `date`: a day, an ISO week (starting Monday) or a month, named by its first day. */
export type DateGrain = 'day' | 'week' | 'month';

/** A target the hospital tutorial names: value ≤ max, value ≥ min, or low ≤ value ≤ high. */
export type Benchmark =
  | { kind: 'max'; value: number; note: string }
  | { kind: 'min'; value: number; note: string }
  | { kind: 'range'; low: number; high: number; note: string };

/** The column a measure is dated by: a DATE, or a TIMESTAMPTZ read as a date in the lake's zone. */
export interface DateColumn {
  column: string;
  type: 'date' | 'timestamp';
}

/** A left join onto a reference table by a key unique in it, so it never multiplies rows. */
export interface MeasureLookup {
  /** `lakehouse.schema.table`. */
  table: string;
  /** The alias the measure's expression uses for it (the source table is always `s`). */
  alias: string;
  /** Column of the source table = column of the lookup table. */
  on: { source: string; lookup: string };
}

/** One named business measure, defined once. */
export interface MeasureDefinition {
  name: string;
  label: string;
  description: string;
  /** The one table it aggregates, `lakehouse.schema.table`, aliased `s` in the SQL. */
  table: string;
  /** Reference tables joined onto the source rows (e.g. MS-DRG weights). */
  lookups?: readonly MeasureLookup[];
  /** Trusted SQL over the source rows (and lookups): which rows the measure counts. */
  rowFilter?: string;
  /** A trusted SQL aggregate over the remaining rows. */
  expression: string;
  /** Decimal places the value is rounded to (none: exact). */
  decimals?: number;
  /** What one aggregated row is (e.g. 'eligible index stay'). */
  grain: string;
  /** The column `date` slices and --from/--to filter; absent when the table has no date. */
  dateColumn?: DateColumn;
  /** Dimensions it may be sliced or filtered by (`date` only with a dateColumn). */
  dimensions: readonly DimensionName[];
  format: MeasureFormat;
  benchmark?: Benchmark;
  /** Every table it reads (source first, then lookups), for freshness and ETags. */
  tables: readonly string[];
}

/** A dimension to group by; `grain` applies to `date` only (default 'day'). */
export interface ByDimension {
  dimension: DimensionName;
  grain?: DateGrain;
}

/** Keep rows whose dimension equals the value (`eq`) or one of the values (`in`). */
export interface MeasureFilter {
  dimension: string;
  op: 'eq' | 'in';
  values: readonly string[];
}

/** What a caller asks for. Dimension names arrive as text and are checked by the compiler. */
export interface MeasureRequest {
  measures: readonly string[];
  by?: readonly { dimension: string; grain?: string }[];
  filters?: readonly MeasureFilter[];
  /** Inclusive first day, YYYY-MM-DD, on each measure's date column. */
  from?: string;
  /** Inclusive last day, YYYY-MM-DD. */
  to?: string;
  /** IANA zone for timestamp date columns (readMeasures passes the lake's sourceTimeZone). Default UTC. */
  timeZone?: string;
}

/** One output column: a dimension value or a measure value. */
export type MeasureColumn =
  | { name: string; role: 'dimension'; dimension: DimensionName; grain?: DateGrain }
  | { name: string; role: 'measure'; measure: string; label: string; format: MeasureFormat };

/** The compiler's output: SQL with `$name` parameters, their values, the tables read, the columns. */
export interface CompiledMeasureQuery {
  sql: string;
  params: Record<string, string>;
  tables: string[];
  columns: MeasureColumn[];
}
