import type { DeltaTable } from '../delta/delta-table.js';
import type { Snapshot } from '../delta/snapshot.js';
import type { Engine } from '../engine/engine.js';
import { quoteIdentifier } from '../engine/quote-identifier.js';
import { tableDir } from '../lakehouse/lake-layout.js';
import type { Lake } from '../lakehouse/read-lake.js';
import type { RunSummary } from './run-summary.js';

/** Everything a pipeline step needs: the engine, the lake, the run's identity and clock. */
export interface RunContext {
  engine: Engine;
  lake: Lake;
  batchId: string;
  /** When this run started; bronze rows carry it as _bronze_ingested_at. */
  startedAt: Date;
  fullRefresh: boolean;
  summary: RunSummary;
  log: (line: string) => void;
  /**
   * When set, bronze ingests only the landing files of these names (a `carelake watch` batch:
   * the files that have settled); every other layer runs as usual.
   */
  landingFiles?: ReadonlySet<string>;
  /**
   * Called between the hospital pipeline's steps when the step before wrote something: a
   * `carelake watch` runs the EMR files that arrived meanwhile as their own batch there, so
   * their sessions do not wait for a whole hospital rebuild.
   */
  betweenSteps?: () => Promise<void>;
  /**
   * Expectation results by table, with the version and the data files they were evaluated on: a
   * table still at that version is not evaluated again, one that only gained files is checked
   * over the new files (a long-running `carelake watch` keeps it between batches; the results
   * are recorded with every run all the same).
   */
  expectationCache?: Map<
    string,
    { version: number; results: RunSummary['expectations']; files: ReadonlySet<string> }
  >;
}

/**
 * The Delta table `lakehouse.dbo.name` of the run's lake.
 *
 * @example
 * lakeTable(ctx, 'lh_gold', 'clinician_emr_sessions');
 */
export function lakeTable(ctx: RunContext, lakehouse: string, name: string): DeltaTable {
  return ctx.engine.table(tableDir(ctx.lake.dir, lakehouse, name), `${lakehouse}.dbo.${name}`);
}

/**
 * Makes `lakehouse.dbo.name` (or a temporary view `alias`) queryable at `snapshot`, so models can
 * read it by its catalog name.
 *
 * @example
 * await exposeSnapshot(ctx, 'lh_silver', 'clinician_dim', snap);
 */
export async function exposeSnapshot(
  ctx: RunContext,
  lakehouse: string,
  name: string,
  snapshot: Snapshot,
  alias?: string,
): Promise<void> {
  await ctx.engine.exposeSnapshot({ lakehouse, name, ...(alias === undefined ? {} : { alias }) }, snapshot);
}

/** Creates the lakehouse catalogs (lh_bronze, lh_silver, lh_gold with schema dbo) and the models' macros. */
export async function prepareCatalogs(ctx: RunContext): Promise<void> {
  await ctx.engine.prepare();
}

/** Makes a table queryable at its latest version; returns the snapshot, or undefined if absent. */
export async function exposeLatest(
  ctx: RunContext,
  lakehouse: string,
  name: string,
): Promise<Snapshot | undefined> {
  const table = lakeTable(ctx, lakehouse, name);
  if (!(await table.exists())) return undefined;
  const snapshot = await table.readSnapshot();
  await exposeSnapshot(ctx, lakehouse, name, snapshot);
  return snapshot;
}

/**
 * The lake name of a table for SQL: `lh_gold.dbo.t`, each part quoted only when it is not a
 * plain lowercase identifier (the Spark engine maps plain lake names to its views).
 *
 * @example qualified('lh_gold', 't') // 'lh_gold.dbo.t'
 */
export function qualified(lakehouse: string, name: string): string {
  const part = (p: string) => (/^[a-z_][a-z0-9_]*$/.test(p) ? p : quoteIdentifier(p));
  return `${part(lakehouse)}.dbo.${part(name)}`;
}
