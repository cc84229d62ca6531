import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DuckDbEngine } from '../src/engine/duckdb/duckdb-engine.js';
import { readLake } from '../src/lakehouse/read-lake.js';
import { prepareCatalogs } from '../src/pipeline/run-context.js';
import { emptyRunSummary } from '../src/pipeline/run-summary.js';
import { buildSessions } from '../src/pipeline/sessions/build-sessions.js';

// One measured run in a fresh process, so peak RSS belongs to that run alone.
// argv: carelake <lake> | handwritten <eventsJson> <dimJson> <out>
const [mode, ...args] = process.argv.slice(2);
const started = performance.now();
let rows = 0;
if (mode === 'carelake') {
  const lake = await readLake(args[0]!);
  const engine = await DuckDbEngine.open({
    memoryLimit: lake.config.engine?.memoryLimit ?? '3GB',
    tempDirectory: join(tmpdir(), 'carelake-spill'),
  });
  const summary = emptyRunSummary();
  const ctx = {
    engine,
    lake,
    batchId: randomUUID(),
    startedAt: new Date(),
    fullRefresh: true,
    summary,
    log: () => undefined,
  };
  await prepareCatalogs(ctx);
  await buildSessions(ctx, 'all');
  rows = Number(/(\d+) sessions written/.exec(summary.steps.at(-1)?.detail ?? '')?.[1] ?? 0);
  engine.close();
} else {
  const engine = await DuckDbEngine.open();
  const result = await engine.db.readRows(
    `COPY (
      WITH e AS (
        SELECT e.event_id, e.clinician_id, e.event_timestamp, e.event_type, d.clinician_role, d.session_threshold_minutes
        FROM read_parquet($1) e JOIN read_parquet($2) d USING (clinician_id)),
      g AS (
        SELECT *, CASE WHEN epoch_us(event_timestamp) - epoch_us(lag(event_timestamp) OVER w) <= session_threshold_minutes * 60000000 THEN 0 ELSE 1 END AS new_session
        FROM e WINDOW w AS (PARTITION BY clinician_id ORDER BY event_timestamp, event_id)),
      s AS (
        SELECT *, sum(new_session) OVER (PARTITION BY clinician_id ORDER BY event_timestamp, event_id ROWS UNBOUNDED PRECEDING) AS sn FROM g)
      SELECT clinician_id::VARCHAR || '_S' || sn AS session_id, clinician_id, any_value(clinician_role) AS clinician_role,
        any_value(session_threshold_minutes) AS session_threshold_minutes, min(event_timestamp) AS session_start_time,
        max(event_timestamp) AS session_end_time, count(*) AS event_count,
        list_transform(list_sort(list({'ts': event_timestamp, 'id': event_id, 't': event_type})), x -> x.t) AS event_types_in_session,
        epoch_us(max(event_timestamp)) // 1000000 - epoch_us(min(event_timestamp)) // 1000000 AS session_duration_seconds
      FROM s GROUP BY clinician_id, sn
    ) TO $3 (FORMAT parquet)`,
    [JSON.parse(args[0]!) as string[], JSON.parse(args[1]!) as string[], args[2]!],
  );
  rows = Number(result[0]?.Count ?? 0);
  engine.close();
}
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ ms, rows, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
);
