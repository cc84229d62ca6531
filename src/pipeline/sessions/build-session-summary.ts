import { performance } from 'node:perf_hooks';
import type { Snapshot } from '../../delta/snapshot.js';
import { readModelSql } from '../read-model.js';
import { exposeLatest, exposeSnapshot, lakeTable, type RunContext } from '../run-context.js';
import { SUMMARY_WATERMARK } from './session-watermarks.js';

/**
 * Brings gold_clinician_session_summary (one row per role and day) up to the sessions table
 * when the sessions have a version it has not summarized: the summary's watermark names the
 * sessions version it was built from, committed with it, so a run that died after writing the
 * sessions and before the summary is finished by the next run.
 *
 * Only the (role, day) groups that can differ are recomputed: those of the sessions in the data
 * files added or removed since the summarized version (a group's sessions can only change
 * through such files). Each is recomputed by the unchanged model over all of that group's
 * current sessions, the other rows are kept, so the table equals a rebuild
 * (test/pipeline/watch-splits.test.ts, sessions-tail-files.test.ts). Without the summarized
 * version (a new table, a full refresh, a log that can no longer be read), or on an engine that
 * does not work file by file (Spark), it is rebuilt.
 *
 * @example
 * await buildSessionSummary(ctx);
 */
export async function buildSessionSummary(ctx: RunContext): Promise<void> {
  const started = performance.now();
  const sessions = await exposeLatest(ctx, 'lh_gold', 'clinician_emr_sessions');
  if (sessions === undefined) return;
  const table = lakeTable(ctx, 'lh_gold', 'gold_clinician_session_summary');
  const summarized = (await table.exists())
    ? (await table.readSnapshot()).appVersion(SUMMARY_WATERMARK)
    : undefined;
  if (!ctx.fullRefresh && summarized === sessions.version) {
    ctx.summary.steps.push({
      step: 'gold gold_clinician_session_summary',
      ms: performance.now() - started,
      detail: `sessions unchanged (version ${sessions.version})`,
    });
    return;
  }
  const before =
    ctx.fullRefresh || summarized === undefined || !ctx.engine.rewritesFiles
      ? undefined
      : await readOld(ctx, summarized);
  const model = readModelSql('gold', 'gold_clinician_session_summary', ctx.engine.name);
  const watermarks = [{ appId: SUMMARY_WATERMARK, version: sessions.version }];
  if (before === undefined) {
    const result = await ctx.engine.writeQuery(table, {
      sql: `SELECT * FROM (${model}) ORDER BY session_date, clinician_role`,
      mode: 'overwrite',
      watermarks,
    });
    ctx.summary.steps.push({
      step: 'gold gold_clinician_session_summary',
      ms: performance.now() - started,
      detail: `${result.rowsWritten} rows, version ${result.version}`,
    });
    return;
  }
  const db = ctx.engine.db;
  const now = new Set(sessions.files.map((f) => f.path));
  const then = new Set(before.files.map((f) => f.path));
  await exposeSnapshot(
    ctx,
    'lh_gold',
    'clinician_emr_sessions',
    before.withFiles(before.files.filter((f) => !now.has(f.path))),
    'summary_removed',
  );
  await exposeSnapshot(
    ctx,
    'lh_gold',
    'clinician_emr_sessions',
    sessions.withFiles(sessions.files.filter((f) => !then.has(f.path))),
    'summary_added',
  );
  await exposeSnapshot(ctx, 'lh_gold', 'clinician_emr_sessions', sessions, 'summary_sessions');
  await exposeLatest(ctx, 'lh_gold', 'gold_clinician_session_summary');
  const same = (a: string, b: string) =>
    `${a}.clinician_role IS NOT DISTINCT FROM ${b}.clinician_role AND ${a}.session_date IS NOT DISTINCT FROM ${b}.session_date`;
  try {
    await db.run(
      `CREATE OR REPLACE TEMP TABLE summary_groups AS
       SELECT DISTINCT clinician_role, session_date FROM (
         SELECT clinician_role, session_date FROM summary_removed
         UNION ALL SELECT clinician_role, session_date FROM summary_added)`,
    );
    // The model reads lh_gold.dbo.clinician_emr_sessions: for this query, the changed groups' sessions.
    await db.run(
      `CREATE OR REPLACE VIEW lh_gold.dbo.clinician_emr_sessions AS
       SELECT s.* FROM summary_sessions AS s SEMI JOIN summary_groups AS g ON ${same('s', 'g')}`,
    );
    const [groups] = await db.readRows('SELECT count(*) AS n FROM summary_groups');
    const result = await ctx.engine.writeQuery(table, {
      sql: `SELECT * FROM (
              SELECT o.* FROM lh_gold.dbo.gold_clinician_session_summary AS o ANTI JOIN summary_groups AS g ON ${same('o', 'g')}
              UNION ALL BY NAME
              SELECT * FROM (${model})
            ) ORDER BY session_date, clinician_role`,
      mode: 'overwrite',
      watermarks,
    });
    ctx.summary.steps.push({
      step: 'gold gold_clinician_session_summary',
      ms: performance.now() - started,
      detail: `${Number(groups!.n)} (role, day) group(s) recomputed (sessions ${summarized}→${sessions.version}), ${result.rowsWritten} rows, version ${result.version}`,
    });
  } finally {
    await exposeLatest(ctx, 'lh_gold', 'clinician_emr_sessions');
    await db.run('DROP TABLE IF EXISTS summary_groups');
  }
}

async function readOld(ctx: RunContext, version: number): Promise<Snapshot | undefined> {
  try {
    return await lakeTable(ctx, 'lh_gold', 'clinician_emr_sessions').readSnapshot({ version });
  } catch {
    // Log files removed (or never there): the summary is rebuilt, which is always right.
    return undefined;
  }
}
