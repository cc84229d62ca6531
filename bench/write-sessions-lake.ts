import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTable } from '../src/delta/write-table.js';
import { DuckDbEngine } from '../src/engine/duckdb/duckdb-engine.js';
import { defaultLakeConfig } from '../src/lakehouse/lake-config.js';
import { configPath, tableDir } from '../src/lakehouse/lake-layout.js';

// ~20 events per session, 3 minutes apart (plus jitter below the threshold), sessions 4 hours apart;
// each session sees 1–3 patients, as generated data does (medium: 1.6 on average).
const EVENTS_SQL = `
  SELECT 'E' || lpad(i::VARCHAR, 10, '0') AS event_id, clinician_id,
    TIMESTAMPTZ '2025-01-01 00:00:00+00' + to_microseconds((session_no * 4 * 3600 + k * 180 + (hash(i) % 120)::BIGINT) * 1000000) AS event_timestamp,
    ['LOGIN','OPEN_CHART','ADD_NOTE','PLACE_ORDER','VIEW_RESULTS','SIGN_NOTE','LOGOUT'][1 + (hash(i * 7) % 7)::BIGINT] AS event_type,
    'PAT' || (hash(i // 20 * 13 + k % (1 + hash(i // 20) % 3)) % 50000)::BIGINT::VARCHAR AS patient_id, '{}' AS metadata,
    (clinician_id % 16)::INTEGER AS clinician_bucket, TIMESTAMPTZ '2025-01-01 00:00:00+00' AS _bronze_ingested_at,
    'bench.parquet' AS _bronze_source_file, i AS _bronze_row
  FROM (SELECT i, i % 20 AS k, (i // 20) % $clinicians AS clinician_id, (i // 20) // $clinicians AS session_no FROM range($n) r(i))`;

/** A lake holding only the silver inputs of the sessions model, and where their files are. */
export interface SessionsLake {
  lake: string;
  eventsDir: string;
  dimDir: string;
  eventFiles: string[];
  dimFiles: string[];
}

/**
 * Writes a fresh lake under `workDir` whose silver emr_events (n events, partitioned by
 * clinician bucket) and clinician_dim are the sessions benchmarks' input: ~20 events per
 * session, 250 sessions per clinician.
 *
 * @example
 * const { lake, eventFiles } = await writeSessionsLake('/tmp/bench', 1_000_000);
 */
export async function writeSessionsLake(workDir: string, n: number): Promise<SessionsLake> {
  rmSync(workDir, { recursive: true, force: true });
  const lake = join(workDir, 'lake');
  mkdirSync(lake, { recursive: true });
  writeFileSync(configPath(lake), JSON.stringify(defaultLakeConfig('bench')));
  const clinicians = Math.max(10, Math.round(n / 20 / 250));
  const engine = await DuckDbEngine.open({ memoryLimit: '6GB' });
  try {
    const dim = engine.table(tableDir(lake, 'lh_silver', 'clinician_dim'));
    await writeTable(dim, engine.writer, {
      source: {
        kind: 'query',
        sql: `SELECT i::BIGINT AS clinician_id, 'Clinician ' || i AS clinician_name, ['Physician','Nurse','Admin'][1 + i % 3] AS clinician_role,
                NULL::INTEGER AS session_inactivity_minutes, 20 AS role_default_minutes, 20 AS session_threshold_minutes, 'role' AS threshold_source
              FROM range($clinicians) r(i)`,
        params: { clinicians },
      },
    });
    const events = engine.table(tableDir(lake, 'lh_silver', 'emr_events'));
    await writeTable(events, engine.writer, {
      source: { kind: 'query', sql: EVENTS_SQL, params: { n, clinicians } },
      partitionBy: ['clinician_bucket'],
    });
    const files = async (t: typeof dim) =>
      (await t.readSnapshot()).files.map((f) => join(t.path, decodeURIComponent(f.path)));
    return {
      lake,
      eventsDir: events.path,
      dimDir: dim.path,
      eventFiles: await files(events),
      dimFiles: await files(dim),
    };
  } finally {
    engine.close();
  }
}
