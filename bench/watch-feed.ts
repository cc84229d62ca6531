import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDbEngine } from '../src/engine/duckdb/duckdb-engine.js';
import { registerLakeViews } from '../src/engine/duckdb/register-lake-views.js';
import { readLakeTables } from '../src/lakehouse/read-lake-tables.js';

/** One prepared landing file, waiting in the staging folder. */
export interface FeedFile {
  name: string;
  path: string;
  events: number;
  kind: 'emr' | 'ed';
}

/**
 * Writes the watch benchmark's stream into `staging` before any is delivered: `files` EMR event
 * files of `perFile` events each (Parquet, the lake's clinicians, timestamps after the lake's last
 * event, so each file adds sessions and extends open ones) and, every `edEvery` files, an
 * admissions CSV of 20 stays that arrived through the ED.
 *
 * @example
 * const feed = await writeWatchFeed('/lake', '/tmp/staging', 100, 10_000, 10);
 */
export async function writeWatchFeed(
  lake: string,
  staging: string,
  files: number,
  perFile: number,
  edEvery: number,
  idPrefix = 'W',
): Promise<FeedFile[]> {
  mkdirSync(staging, { recursive: true });
  const engine = await DuckDbEngine.open({ threads: 2 });
  try {
    const tables = await readLakeTables(lake);
    await registerLakeViews(engine, tables);
    const [bounds] = await engine.db.readRows(
      `SELECT epoch_us(max(event_timestamp)) AS last_us FROM lh_silver.dbo.emr_events`,
    );
    await engine.db.run(
      'CREATE TEMP TABLE ids AS SELECT clinician_id % 12 AS turn, row_number() OVER (PARTITION BY clinician_id % 12) - 1 AS i, clinician_id FROM lh_silver.dbo.clinician_dim',
    );
    const start = Number(bounds!.last_us);
    // Every file's events at once (one query), then one COPY per file.
    // Each file covers the next 5 minutes of the hospital's day, for the twelfth of the
    // clinicians whose turn it is: each is active for 5 minutes an hour, so every file opens
    // new sessions (an hour is above every role's threshold) instead of growing one forever.
    await engine.db.run(
      `CREATE TEMP TABLE feed AS
       WITH events AS (SELECT r // $n AS f, r % $n AS r FROM range($files * $n) AS t(r)),
       turns AS (SELECT turn, count(*) AS clinicians FROM ids GROUP BY turn),
       picked AS MATERIALIZED (
         SELECT e.f, e.r, turns.turn, (hash(e.r * 7 + e.f) % turns.clinicians)::BIGINT AS i
         FROM events AS e JOIN turns ON turns.turn = e.f % 12
       )
       SELECT p.f, $prefix || p.f || '_' || p.r AS event_id, ids.clinician_id,
              make_timestamptz($start::BIGINT + p.f * 300000000 + (hash(p.r, p.f) % 300000000)::BIGINT) AS event_timestamp
       FROM picked AS p JOIN ids ON ids.turn = p.turn AND ids.i = p.i`,
      { files, n: perFile, start, prefix: idPrefix },
    );
    const out: FeedFile[] = [];
    for (let f = 0; f < files; f++) {
      const name = `emr_events_watch_${String(f).padStart(5, '0')}.parquet`;
      const path = join(staging, name);
      await engine.db.run(
        `COPY (
           SELECT event_id, clinician_id, event_timestamp, 'OPEN_CHART' AS event_type,
                  NULL::VARCHAR AS patient_id, '{}' AS metadata
           FROM feed WHERE f = $f
         ) TO '${path.replace(/'/g, "''")}' (FORMAT parquet)`,
        { f },
      );
      out.push({ name, path, events: perFile, kind: 'emr' });
      if (edEvery > 0 && f % edEvery === edEvery - 1) {
        const ed = `admissions_watch_${String(f).padStart(5, '0')}.csv`;
        await engine.db.run(
          `COPY (
             SELECT $prefix || 'E' || $f || '_' || r AS encounter_id, md5('p' || $f || r) || md5('q' || $f || r) AS mrn_hash,
                    'XXX-XX-0000' AS ssn_masked,
                    strftime(make_timestamp($start::BIGINT + $f::BIGINT * 300000000 + 3600000000), '%Y-%m-%d %H:%M:%S') AS admit_dt,
                    NULL AS discharge_dt, NULL AS los, '291' AS drg_code, 'Medicare' AS payer, 'false' AS readmit_flag,
                    strftime(make_timestamp($start::BIGINT + $f::BIGINT * 300000000 + (r * 60000000)::BIGINT), '%Y-%m-%d %H:%M:%S') AS ed_arrival_dt,
                    NULL AS disposition, 70 AS age, 'F' AS gender, 'Emergency' AS admit_type,
                    strftime(make_timestamp($start::BIGINT + $f::BIGINT * 300000000 + 1800000000), '%Y-%m-%d %H:%M:%S') AS ed_decision_dt,
                    'MedSurg' AS unit, 1 AS charlson_index, 0 AS ed_visits_prior_6m
             FROM range(20) AS t(r)
           ) TO '${join(staging, ed).replace(/'/g, "''")}' (FORMAT csv, HEADER)`,
          { f, start, prefix: idPrefix },
        );
        out.push({ name: ed, path: join(staging, ed), events: 20, kind: 'ed' });
      }
    }
    return out;
  } finally {
    engine.close();
  }
}
