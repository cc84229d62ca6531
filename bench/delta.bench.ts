import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../src/cli/main.js';
import { writeTable } from '../src/delta/write-table.js';
import { DuckDbEngine } from '../src/engine/duckdb/duckdb-engine.js';
import { defaultLakeConfig } from '../src/lakehouse/lake-config.js';
import { configPath, tableDir } from '../src/lakehouse/lake-layout.js';
import { measure, type Timing } from './measure.js';

const ROWS_SQL = (
  n: number,
) => `SELECT i::BIGINT AS id, 'unit-' || (i % 40) AS unit, TIMESTAMPTZ '2025-01-01 00:00:00+00' + i * INTERVAL 7 SECOND AS ts,
  (i * 0.37) % 1000 AS amount, i % 7 = 0 AS flag, md5(i::VARCHAR) AS token FROM range(${n}) r(i)`;

/**
 * The `delta` suite: append throughput vs a plain COPY, snapshot load of a long log, and a
 * query through `carelake sql` vs the same query on the raw Parquet files.
 *
 * @example
 * const markdown = await runDeltaBench('/tmp/bench');
 */
export async function runDeltaBench(workDir: string, options: { quick?: boolean } = {}): Promise<string> {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const lines: string[] = [];
  const rows = options.quick ? 100_000 : 1_000_000;
  const commits = options.quick ? 100 : 1000;
  const bigRows = options.quick ? 1_000_000 : 10_000_000;

  // 1. Append N rows: carelake (Delta commit with stats) vs plain COPY of the same rows.
  const engine = await DuckDbEngine.open();
  const table = engine.table(join(workDir, 'append'));
  await writeTable(table, engine.writer, { source: { kind: 'query', sql: ROWS_SQL(10) } });
  let copyN = 0;
  const pairs: [Timing, Timing][] = [];
  for (let round = 0; round < 5; round++) {
    const copy = await measure(
      'copy',
      1,
      () =>
        engine.db.run(`COPY (${ROWS_SQL(rows)}) TO $1 (FORMAT parquet, COMPRESSION snappy)`, [
          join(workDir, `copy-${copyN++}.parquet`),
        ]),
      0,
    );
    const append = await measure(
      'append',
      1,
      () => writeTable(table, engine.writer, { source: { kind: 'query', sql: ROWS_SQL(rows) } }),
      0,
    );
    pairs.push([copy, append]);
  }
  const copyMs = median(pairs.map((p) => p[0].median));
  const appendMs = median(pairs.map((p) => p[1].median));
  lines.push(
    `| append ${fmt(rows)} rows: carelake writeTable vs DuckDB COPY TO parquet | ${ms(appendMs)} vs ${ms(copyMs)} | ${(appendMs / copyMs).toFixed(2)}× | ≤ 1.15× |`,
  );

  // 2. Snapshot load of a table with many commits (checkpoint every 10).
  const long = engine.table(join(workDir, 'long'));
  for (let i = 0; i < commits; i++) {
    await writeTable(long, engine.writer, {
      source: {
        kind: 'query',
        sql: 'SELECT $1::BIGINT AS id, $2::VARCHAR AS note',
        params: [i, `commit ${i}`],
      },
    });
  }
  engine.close();
  const fresh = await DuckDbEngine.open();
  const snapshotTiming = await measure('snapshot', 10, async () => {
    const s = await fresh.table(join(workDir, 'long')).readSnapshot();
    if (s.files.length !== commits) throw new Error(`expected ${commits} files, got ${s.files.length}`);
  });
  fresh.close();
  lines.push(
    `| snapshot load, ${commits} commits with checkpoints (${commits} files) | ${ms(snapshotTiming.median)} | — | < 200 ms |`,
  );

  // 3. `carelake sql` on a big table vs the same query on the raw Parquet files.
  const lake = join(workDir, 'lake');
  mkdirSync(lake, { recursive: true });
  writeFileSync(configPath(lake), JSON.stringify(defaultLakeConfig('bench')));
  const writer = await DuckDbEngine.open();
  const big = writer.table(tableDir(lake, 'lh_silver', 'big_events'));
  for (let part = 0; part < 10; part++) {
    const n = bigRows / 10;
    await writeTable(big, writer.writer, {
      source: { kind: 'query', sql: `SELECT * REPLACE (id + ${part * n} AS id) FROM (${ROWS_SQL(n)})` },
    });
  }
  const files = (await big.readSnapshot()).files.map((f) => join(big.path, f.path));
  writer.close();
  const query =
    'SELECT unit, count(*) AS n, avg(amount) AS avg_amount, max(ts) AS last_ts FROM big_events WHERE flag GROUP BY unit ORDER BY unit';
  const sink = { write: () => true };
  const sqlPairs: [number, number][] = [];
  const raw = async () => {
    const e = await DuckDbEngine.open();
    await e.db.readRows(query.replace('FROM big_events', 'FROM read_parquet($1)'), [files]);
    e.close();
  };
  const viaCli = async () => {
    const code = await runCli(['sql', '--lake', lake, '--format', 'csv', query], {
      stdout: sink,
      stderr: process.stderr,
      env: {},
      cwd: workDir,
    });
    if (code !== 0) throw new Error('carelake sql failed');
  };
  await raw();
  await viaCli();
  // Alternate which goes first, so neither always runs on a warmer cache.
  for (let round = 0; round < 9; round++) {
    const first = round % 2 === 0 ? raw : viaCli;
    const second = round % 2 === 0 ? viaCli : raw;
    const a = (await measure('a', 1, first, 0)).median;
    const b = (await measure('b', 1, second, 0)).median;
    sqlPairs.push(round % 2 === 0 ? [a, b] : [b, a]);
  }
  const rawMs = median(sqlPairs.map((p) => p[0]));
  const cliMs = median(sqlPairs.map((p) => p[1]));
  lines.push(
    `| query on ${fmt(bigRows)} rows (10 files): carelake sql vs DuckDB on the raw Parquet | ${ms(cliMs)} vs ${ms(rawMs)} | ${(cliMs / rawMs).toFixed(2)}× | ≤ 1.1× |`,
  );
  rmSync(workDir, { recursive: true, force: true });
  return ['| measurement | time (median of 5–10 runs) | ratio | goal |', '|---|---|---|---|', ...lines].join(
    '\n',
  );
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
const ms = (v: number) => `${v.toFixed(0)} ms`;
const fmt = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);
