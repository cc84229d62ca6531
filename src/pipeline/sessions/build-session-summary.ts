import { performance } from 'node:perf_hooks';
import { readModelSql } from '../read-model.js';
import { exposeLatest, lakeTable, type RunContext } from '../run-context.js';
import { SUMMARY_WATERMARK } from './session-watermarks.js';

/**
 * Rebuilds gold_clinician_session_summary from the sessions table (one row per role and day)
 * when the sessions have a version it has not summarized: the summary's watermark names the
 * sessions version it was built from, committed with it, so a run that died after writing the
 * sessions and before the summary is finished by the next run.
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
  const result = await ctx.engine.writeQuery(table, {
    sql: `SELECT * FROM (${readModelSql('gold', 'gold_clinician_session_summary', ctx.engine.name)}) ORDER BY session_date, clinician_role`,
    mode: 'overwrite',
    watermarks: [{ appId: SUMMARY_WATERMARK, version: sessions.version }],
  });
  ctx.summary.steps.push({
    step: 'gold gold_clinician_session_summary',
    ms: performance.now() - started,
    detail: `${result.rowsWritten} rows, version ${result.version}`,
  });
}
