import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeTable } from '../src/delta/write-table.js';
import { DuckDbEngine } from '../src/engine/duckdb/duckdb-engine.js';
import { defaultLakeConfig } from '../src/lakehouse/lake-config.js';
import { configPath, tableDir } from '../src/lakehouse/lake-layout.js';

const WORKER = join(dirname(fileURLToPath(import.meta.url)), 'sessions-worker.js');

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

interface Run {
  ms: number;
  rows: number;
  maxRssMB: number;
}

/**
 * The `sessions` suite: gold clinician_emr_sessions built by carelake (Delta in → Delta out,
 * memory-bounded) vs a hand-written DuckDB query over the same Parquet files, each in a fresh
 * process so that peak RSS is its own.
 *
 * @example
 * const markdown = await runSessionsBench('/tmp/bench', { quick: false });
 */
export async function runSessionsBench(workDir: string, options: { quick?: boolean } = {}): Promise<string> {
  const fromEnv = process.env.CARELAKE_BENCH_SIZES?.split(',').map(Number);
  const sizes = fromEnv ?? (options.quick ? [1_000_000] : [1_000_000, 10_000_000, 100_000_000]);
  const lines = [
    '| events | sessions | carelake | hand-written DuckDB | ratio | carelake peak RSS | hand-written peak RSS | carelake events/s |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const n of sizes) {
    rmSync(workDir, { recursive: true, force: true });
    const lake = join(workDir, 'lake');
    mkdirSync(lake, { recursive: true });
    writeFileSync(configPath(lake), JSON.stringify(defaultLakeConfig('bench')));
    const clinicians = Math.max(10, Math.round(n / 20 / 250));
    const engine = await DuckDbEngine.open({ memoryLimit: '6GB' });
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
    const eventFiles = (await events.readSnapshot()).files.map((f) =>
      join(events.path, decodeURIComponent(f.path)),
    );
    const dimFiles = (await dim.readSnapshot()).files.map((f) => join(dim.path, decodeURIComponent(f.path)));
    engine.close();
    // Five runs a side below 100M: at 1M a run lasts about 1.5 s, and the median of three still
    // moved the ratio by ±0.1 between identical runs.
    const repeats = n >= 100_000_000 ? 1 : 5;
    const ours: Run[] = [];
    const theirs: Run[] = [];
    for (let r = 0; r < repeats; r++) {
      theirs.push(
        worker([
          'handwritten',
          JSON.stringify(eventFiles),
          JSON.stringify(dimFiles),
          join(workDir, `hand-${r}.parquet`),
        ]),
      );
      rmSync(join(lake, 'lh_gold.Lakehouse'), { recursive: true, force: true });
      ours.push(worker(['carelake', lake]));
    }
    const a = medianRun(ours);
    const b = medianRun(theirs);
    if (a.rows !== b.rows)
      throw new Error(`session counts differ: carelake ${a.rows}, hand-written ${b.rows}`);
    lines.push(
      `| ${n.toLocaleString('en-US')} | ${a.rows.toLocaleString('en-US')} | ${(a.ms / 1000).toFixed(2)} s | ${(b.ms / 1000).toFixed(2)} s | ${(a.ms / b.ms).toFixed(2)}× | ${gb(a.maxRssMB)} | ${gb(b.maxRssMB)} | ${Math.round(n / (a.ms / 1000)).toLocaleString('en-US')} |`,
    );
    process.stderr.write(`${lines.at(-1)}\n`);
  }
  rmSync(workDir, { recursive: true, force: true });
  return `${lines.join('\n')}\n\nGoals: ratio ≤ 1.3× at every size; 100M events with carelake peak RSS ≤ 4 GB (lake config engine.memoryLimit 3GB, buckets processed in groups).`;
}

function worker(args: string[]): Run {
  const out = execFileSync(process.execPath, [WORKER, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Run;
}

function medianRun(runs: Run[]): Run {
  return [...runs].sort((x, y) => x.ms - y.ms)[Math.floor(runs.length / 2)]!;
}

const gb = (mb: number) => `${(mb / 1024).toFixed(2)} GB`;
