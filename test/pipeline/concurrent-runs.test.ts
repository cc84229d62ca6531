import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeTable } from '../../src/delta/write-table.js';
import { registerSnapshotView } from '../../src/engine/duckdb/register-snapshot-view.js';
import { tableDir } from '../../src/lakehouse/lake-layout.js';
import { lockPath } from '../../src/lakehouse/run-lock/lock-path.js';
import { makeGeneratedLake } from '../helpers/generated-lake.js';
import { openTestEngine } from '../helpers/open-test-engine.js';
import { addLandingFile, makePipelineLake, runPipeline, SEED_FIXTURES } from '../helpers/pipeline-lake.js';
import { readLakeFingerprint } from '../helpers/read-lake-fingerprint.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { spawnNode } from '../helpers/spawn-cli.js';

// Real `carelake run all` processes on one lake (a tiny generated hospital with 5 % dirty rows).
// The reference is one clean run over the same landing files.

const reference = (async () => {
  const lake = await makeGeneratedLake();
  const r = await runCliCaptured(['run', 'all', '--lake', lake]);
  assert.equal(r.code, 0, r.stderr);
  return readLakeFingerprint(lake);
})();

async function concurrentRuns(lake: string, n: number, extra: string[] = []) {
  const procs = Array.from({ length: n }, () =>
    spawnNode('src/cli/main.js', ['run', 'all', '--lake', lake, ...extra]),
  );
  const ends = await Promise.all(procs.map((p) => p.done));
  return procs.map((p, i) => ({ code: ends[i]!.code, stdout: p.stdout(), stderr: p.stderr() }));
}

for (const n of [2, 4]) {
  test(`${n} concurrent runs on one lake: one runs, the others refuse at once; tables equal one clean run's`, async () => {
    const lake = await makeGeneratedLake();
    const runs = await concurrentRuns(lake, n);
    const worked = runs.filter((r) => r.code === 0 && /→ .* = .* ok/.test(r.stdout));
    assert.equal(worked.length, 1, runs.map((r) => `${r.code} ${r.stderr}`).join('\n'));
    for (const r of runs.filter((x) => x !== worked[0])) {
      // A latecomer that started after the winner finished finds nothing to ingest; every other refuses.
      if (r.code === 0) assert.doesNotMatch(r.stdout, /→ .* = .* ok/);
      else {
        assert.equal(r.code, 2, r.stderr);
        assert.match(
          r.stderr,
          /is busy: another run holds its lock, pid \d+ on host \S+ \("carelake run all"\) since/,
        );
      }
    }
    assert.ok(runs.filter((r) => r.code === 2).length >= 1, 'at least one run met the lock');
    assert.equal(existsSync(lockPath(lake)), false);
    assert.deepEqual(await readLakeFingerprint(lake), await reference);
  });
}

test('4 concurrent runs with --wait: all succeed, one after the other; the later ones find nothing to do', async () => {
  const lake = await makeGeneratedLake();
  const runs = await concurrentRuns(lake, 4, ['--wait=5m']);
  for (const r of runs) assert.equal(r.code, 0, r.stderr);
  assert.equal(runs.filter((r) => /→ .* = .* ok/.test(r.stdout)).length, 1, 'one run ingested the files');
  assert.equal(runs.filter((r) => /already ingested, skipped/.test(r.stdout)).length, 3);
  assert.deepEqual(await readLakeFingerprint(lake), await reference);
});

test('a run SIGKILLed while holding the lock: the next run takes over with a warning and gives the clean result', async () => {
  for (const delayMs of [200, 700]) {
    const lake = await makeGeneratedLake();
    const run = spawnNode('src/cli/main.js', ['run', 'all', '--lake', lake]);
    for (let i = 0; i < 5000 && !existsSync(lockPath(lake)); i++) await new Promise((r) => setTimeout(r, 2));
    await new Promise((r) => setTimeout(r, delayMs));
    run.child.kill('SIGKILL');
    const end = await run.done;
    assert.equal(end.signal, 'SIGKILL', `the run ended before it was killed: ${run.stdout()}`);
    assert.ok(existsSync(lockPath(lake)), 'a SIGKILLed run cannot release its lock');
    const next = await runCliCaptured(['run', 'all', '--lake', lake]);
    assert.equal(next.code, 0, next.stderr);
    assert.match(
      next.stderr,
      new RegExp(`took over the lake lock of pid ${run.child.pid} .* no longer runs`),
    );
    assert.deepEqual(await readLakeFingerprint(lake), await reference, `killed after ${delayMs} ms`);
  }
});

const seed = (name: string) => readFileSync(join(SEED_FIXTURES, name), 'utf8');
const LATE =
  'event_id,clinician_id,event_timestamp,event_type,patient_id,metadata\n' +
  'EVT101,101,2025-03-31 08:30:00,VIEW_RESULTS,PAT001,{}\nEVT103,103,2025-03-31 18:00:00,RUN_REPORT,,{}\n';

test('a run that stopped after silver is finished by the next run: gold catches up from its own watermarks', async () => {
  const files = { 'clinicians.csv': seed('clinicians.csv'), 'emr_events.csv': seed('emr_events.csv') };
  const lake = await makePipelineLake(files);
  await runPipeline(lake, 'all');
  addLandingFile(lake, 'emr_events_2.csv', LATE);
  // As a run killed between its silver and gold steps leaves it: silver has the late events.
  await runPipeline(lake, 'bronze');
  await runPipeline(lake, 'silver');
  const out = await runPipeline(lake, 'all');
  assert.match(out, /no new bronze rows/);
  assert.match(out, /gold clinician_emr_sessions\s+\d+ ms\s+2 bucket\(s\)/, out);

  const oneShot = await makePipelineLake({ ...files, 'emr_events_2.csv': LATE });
  await runPipeline(oneShot, 'all');
  assert.deepEqual(await readLakeFingerprint(lake), await readLakeFingerprint(oneShot));
  const again = await runPipeline(lake, 'all');
  assert.match(again, /gold clinician_emr_sessions\s+\d+ ms\s+nothing to recompute/);
  assert.match(again, /sessions unchanged/);
});

test('duplicated sessions (what racing runs used to leave): the run fails naming the table and its repair; the next warns; the repair fixes it', async () => {
  const engine = await openTestEngine();
  const lake = await makePipelineLake({
    'clinicians.csv': seed('clinicians.csv'),
    'emr_events.csv': seed('emr_events.csv'),
  });
  await runPipeline(lake, 'all');
  const sessions = engine.table(tableDir(lake, 'lh_gold', 'clinician_emr_sessions'));
  await registerSnapshotView(
    engine.db,
    { catalog: 'temp', schema: 'main', name: 'sessions_now' },
    await sessions.readSnapshot(),
  );
  await writeTable(sessions, engine.writer, { source: { kind: 'query', sql: 'SELECT * FROM sessions_now' } });
  const failed = await runCliCaptured(['run', 'all', '--lake', lake]);
  assert.equal(failed.code, 1);
  assert.match(failed.stdout, /nothing to recompute/);
  assert.match(
    failed.stderr,
    /error-level expectations failed: lh_gold\.dbo\.clinician_emr_sessions \(session_id unique: \d+ rows; session_key unique: \d+ rows\) — repair: carelake run sessions --full-refresh/,
  );
  const next = await runCliCaptured(['run', 'all', '--lake', lake]);
  assert.equal(next.code, 1);
  assert.match(
    next.stdout,
    /WARNING: the last run \(\S+, [^)]+\) ended with error-level expectations failed: lh_gold\.dbo\.clinician_emr_sessions/,
  );
  const repaired = await runCliCaptured(['run', 'sessions', '--full-refresh', '--lake', lake]);
  assert.equal(repaired.code, 0, repaired.stderr);
  assert.doesNotMatch(
    repaired.stdout,
    /WARNING: the last run/,
    'the repair run does not warn about what it repairs',
  );
  const clean = await runCliCaptured(['run', 'all', '--lake', lake]);
  assert.equal(clean.code, 0, clean.stderr);
  assert.doesNotMatch(clean.stdout, /WARNING: the last run/);
});
