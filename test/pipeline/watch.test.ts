import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { landingDir, rejectedDir } from '../../src/lakehouse/lake-layout.js';
import { lockPath } from '../../src/lakehouse/run-lock/lock-path.js';
import { makeGeneratedLake } from '../helpers/generated-lake.js';
import { queryLake } from '../helpers/pipeline-lake.js';
import { readLakeFingerprint } from '../helpers/read-lake-fingerprint.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { spawnNode } from '../helpers/spawn-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { deliverLandingFile, startWatch } from '../helpers/watch-process.js';

// Real `carelake watch` processes on a tiny generated hospital (5 % dirty rows), fed late EMR
// events while they run; the reference is one `carelake run all` over the same files.

const HEADER = 'event_id,clinician_id,event_timestamp,event_type,patient_id,metadata\n';
/** Late events (inside and between the generated sessions of 31 March), one repeat of a loaded id, one bad row. */
const LATE: Record<string, string> = {
  'emr_events_late1.csv': `${HEADER}L001,1001,2025-03-31 08:40:00,OPEN_CHART,,{}\nL002,1002,2025-03-31 07:40:00,VITALS_ENTRY,,{}\nL003,1003,2025-03-31 08:45:00,RUN_REPORT,,{}\nL004,1005,not a time,LOGIN,,{}\nEVT0000000013,1001,2025-03-31 09:00:00,DUPLICATE,,{}\n`,
  'emr_events_late2.csv': `${HEADER}L005,1001,2025-03-31 11:00:00,LOGIN,,{}\nL006,1004,2025-03-31 12:00:00,VERIFY_ORDER,,{}\nL007,1006,2025-03-31 05:00:00,LOGIN,,{}\n`,
  'emr_events_late3.csv': `${HEADER}L008,1005,2025-03-31 07:10:00,OPEN_CHART,,{}\nL009,1002,2025-03-31 06:30:00,LOGIN,,{}\n`,
};

const reference = (async () => {
  const lake = await makeGeneratedLake();
  for (const [name, text] of Object.entries(LATE)) deliverLandingFile(lake, name, text);
  const r = await runCliCaptured(['run', 'all', '--lake', lake]);
  assert.equal(r.code, 0, r.stderr);
  return { fingerprint: await dataFingerprint(lake), bronze: await bronzeCounts(lake) };
})();

async function bronzeCounts(lake: string) {
  return queryLake(
    lake,
    `SELECT 'events' AS t, count(*) AS n FROM lh_bronze.dbo.bronze_emr_events
     UNION ALL SELECT 'admissions', count(*) FROM lh_bronze.dbo.bronze_healthcare_admissions
     UNION ALL SELECT 'quarantine', count(*) FROM lh_bronze.dbo.quarantine ORDER BY 1`,
  );
}

/** The data tables: `carelake sql` (queryLake) audits its queries in lh_audit. */
async function dataFingerprint(lake: string) {
  const all = await readLakeFingerprint(lake);
  return Object.fromEntries(Object.entries(all).filter(([t]) => !t.startsWith('lh_audit.')));
}

const batches = (events: Record<string, unknown>[]) => events.filter((e) => e.event === 'batch');

test('watch: files arriving together are one batch, rows reconcile, a busy lake waits, an unreadable file is moved aside, SIGTERM stops between batches', {
  timeout: 300_000,
}, async () => {
  const lake = await makeGeneratedLake();
  const w = startWatch(lake);
  await w.waitForEvent('idle');
  const [first] = batches(w.events());
  assert.deepEqual(
    first!.files,
    readdirSync(landingDir(lake))
      .filter((n) => /\.(csv|parquet)$/.test(n))
      .sort(),
  );
  assert.equal(first!.rows_in, Number(first!.rows_loaded) + Number(first!.rows_quarantined));
  assert.ok(Number(first!.rows_quarantined) > 0, 'the dirty rows are quarantined');
  assert.ok((first!.tables_changed as string[]).includes('lh_gold.dbo.clinician_emr_sessions'));

  // A `carelake run`-style holder has the lake: both files arrive meanwhile and become one batch.
  const gate = join(tempDir('gate-'), 'release');
  const holder = spawnNode('test/fixtures/lock-holder.js', ['hold', lake, gate]);
  await holder.waitFor(/"held"/);
  deliverLandingFile(lake, 'emr_events_late1.csv', LATE['emr_events_late1.csv']!);
  deliverLandingFile(lake, 'emr_events_late2.csv', LATE['emr_events_late2.csv']!);
  await w.waitForEvent('busy');
  assert.equal(batches(w.events()).length, 1, 'no batch while another process holds the lock');
  writeFileSync(gate, '');
  await holder.done;
  await w.waitForEvent('idle', 2);
  const second = batches(w.events())[1]!;
  assert.deepEqual(second.files, ['emr_events_late1.csv', 'emr_events_late2.csv']);
  assert.deepEqual(
    { in: second.rows_in, loaded: second.rows_loaded, q: second.quarantined_by_reason },
    { in: 8, loaded: 7, q: { invalid_timestamp: 1 } },
  );
  assert.equal(second.refused_after_bronze, 1, 'the repeated event id goes to silver quarantine');
  assert.deepEqual(
    await queryLake(lake, 'SELECT count(*) AS n FROM clinician_emr_sessions WHERE clinician_id = 1004'),
    [{ n: 1 }],
    'the new clinician session is queryable',
  );

  // A file that is not Parquet at all is moved aside with its reason.
  writeFileSync(join(landingDir(lake), 'emr_events_broken.parquet'), 'not parquet at all');
  await w.waitForEvent('rejected');
  const rejected = w.events().find((e) => e.event === 'rejected')!;
  assert.equal(rejected.file, 'emr_events_broken.parquet');
  assert.match(String(rejected.reason), /magic bytes|Parquet/i);
  assert.equal(existsSync(join(landingDir(lake), 'emr_events_broken.parquet')), false);
  const reason = JSON.parse(
    readFileSync(join(rejectedDir(lake), 'emr_events_broken.parquet.reason.json'), 'utf8'),
  );
  assert.equal(reason.file, 'emr_events_broken.parquet');
  deliverLandingFile(lake, 'emr_events_late3.csv', LATE['emr_events_late3.csv']!);
  await w.waitForEvent('idle', 3);
  assert.deepEqual(batches(w.events()).at(-1)!.files, ['emr_events_late3.csv'], 'the watcher kept going');

  w.child.kill('SIGTERM');
  const end = await w.done;
  assert.equal(end.code, 0, w.stderr());
  assert.equal(w.events().at(-1)!.event, 'stop');
  assert.equal(existsSync(lockPath(lake)), false, 'no lock left behind');
  const expected = await reference;
  assert.deepEqual(await dataFingerprint(lake), expected.fingerprint);
  assert.deepEqual(await bronzeCounts(lake), expected.bronze);
});

test('watch SIGKILLed at any point and restarted: every landing file counted once, tables equal one run all', {
  timeout: 600_000,
}, async () => {
  const lake = await makeGeneratedLake();
  // Hold the generated files back and deliver them in stages while watchers come and go.
  const staging = tempDir('staging-');
  for (const name of readdirSync(landingDir(lake)).filter((n) => /\.(csv|parquet)$/.test(n)))
    renameSync(join(landingDir(lake), name), join(staging, name));
  for (const [name, text] of Object.entries(LATE)) writeFileSync(join(staging, name), text);
  const stages = [
    ['roles.csv', 'clinicians.csv', 'staffing.parquet'],
    ['emr_events.parquet', 'admissions.parquet'],
    ['claims.parquet', 'emr_events_late1.csv'],
    ['emr_events_late2.csv'],
    ['emr_events_late3.csv'],
  ];
  // Kill delays (ms after a stage is delivered): during start-up, mid-batch, after the batch.
  const delays = [0, 900, 1800, 2600, 400];
  let killed = 0;
  for (const [i, stage] of stages.entries()) {
    const w = startWatch(lake);
    await w.waitForEvent('start');
    for (const name of stage) {
      mkdirSync(landingDir(lake), { recursive: true });
      deliverLandingFile(lake, name, readFileSync(join(staging, name)));
    }
    await sleep(delays[i]!);
    w.child.kill('SIGKILL');
    const end = await w.done;
    if (end.signal === 'SIGKILL') killed++;
  }
  assert.ok(killed >= 4, 'the watchers were killed, not stopped');
  const w = startWatch(lake);
  await w.waitForEvent('idle');
  w.child.kill('SIGTERM');
  assert.equal((await w.done).code, 0, w.stderr());
  const expected = await reference;
  assert.deepEqual(await dataFingerprint(lake), expected.fingerprint);
  assert.deepEqual(await bronzeCounts(lake), expected.bronze, 'no landing file was loaded twice');
});
