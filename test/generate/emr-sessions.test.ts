import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generateSample } from './support/generate-sample.js';
import { openSample, scalar } from './support/open-sample.js';

const sample = await generateSample({ seed: 11, counts: { clinicians: 60, events: 60_000 } });
const db = await openSample(sample.dir, 'parquet');

// Each event with the gap since the same clinician's previous event and that clinician's
// effective threshold (own value, else the role default from roles.csv), in seconds.
await db.run(`CREATE TABLE g AS
  SELECT e.*, cl.clinician_role, coalesce(cl.session_inactivity_minutes, roles.default_inactivity_minutes) * 60 AS thr,
         date_diff('second', lag(event_timestamp) OVER (PARTITION BY clinician_id ORDER BY event_timestamp, event_id), event_timestamp) AS gap
  FROM e JOIN cl USING (clinician_id) JOIN roles USING (clinician_role)`);

describe('EMR events form realistic work sessions', () => {
  test('the roster has every role, some clinicians inherit the role default, some have their own window', async () => {
    assert.equal(await scalar(db, 'SELECT count(DISTINCT clinician_role) FROM cl'), 6);
    assert.ok((await scalar(db, 'SELECT count(*) FROM cl WHERE session_inactivity_minutes IS NULL')) > 5);
    assert.ok(
      (await scalar(
        db,
        'SELECT count(*) FROM cl JOIN roles USING (clinician_role) WHERE session_inactivity_minutes <> default_inactivity_minutes',
      )) > 0,
    );
    const defaults = Object.fromEntries(
      (await db.readRows('SELECT * FROM roles')).map((r) => [
        r.clinician_role,
        Number(r.default_inactivity_minutes),
      ]),
    );
    assert.deepEqual(defaults, {
      Physician: 30,
      Resident: 30,
      Nurse: 20,
      Pharmacist: 25,
      Therapist: 30,
      Admin: 45,
    });
  });

  test('gaps straddle each clinician threshold: just under, exactly at, and just over', async () => {
    const rows = await db.readRows(
      `SELECT count(*) FILTER (WHERE gap BETWEEN thr - 300 AND thr - 1) AS under,
              count(*) FILTER (WHERE gap = thr) AS at,
              count(*) FILTER (WHERE gap BETWEEN thr + 1 AND thr + 300) AS over,
              count(DISTINCT clinician_id) FILTER (WHERE gap BETWEEN thr + 1 AND thr + 300) AS clinicians_over
       FROM g`,
    );
    const r = rows[0]!;
    assert.ok(Number(r.under) > 500 && Number(r.at) > 50 && Number(r.over) > 500, JSON.stringify(r));
    assert.ok(Number(r.clinicians_over) > 40, JSON.stringify(r));
  });

  test('splitting at gaps > threshold finds exactly the sessions the generator made', async () => {
    const sessions = await scalar(db, 'SELECT count(*) FILTER (WHERE gap IS NULL OR gap > thr) FROM g');
    assert.equal(sessions, sample.result.manifest.truth.emrSessions);
    const perSession = 60_000 / sessions;
    assert.ok(perSession > 4 && perSession < 15, `events per session ${perSession}`);
  });

  test('shifts start with LOGIN and end with LOGOUT; chart work follows OPEN_CHART', async () => {
    const firsts = await db.readRows(
      `SELECT event_type AS t, count(*) AS n FROM g WHERE gap IS NULL OR gap > 4 * 3600 GROUP BY 1`,
    );
    assert.deepEqual(
      firsts.map((r) => r.t),
      ['LOGIN'],
    );
    const chartFirst = await scalar(
      db,
      `SELECT count(*) FROM (SELECT event_type, patient_id, lag(patient_id) OVER (PARTITION BY clinician_id ORDER BY event_timestamp, event_id) AS prev
       FROM g) WHERE patient_id IS NOT NULL AND prev IS DISTINCT FROM patient_id AND event_type NOT IN ('OPEN_CHART', 'CHECK_BILLING')`,
    );
    assert.equal(chartFirst, 0);
  });

  test('event types are role-specific', async () => {
    const types = async (role: string) =>
      new Set(
        (await db.readRows('SELECT DISTINCT event_type AS t FROM g WHERE clinician_role = $1', [role])).map(
          (r) => String(r.t),
        ),
      );
    const nurse = await types('Nurse');
    const admin = await types('Admin');
    const pharmacist = await types('Pharmacist');
    assert.ok(nurse.has('VITALS_ENTRY') && !nurse.has('PLACE_ORDER') && !nurse.has('CHECK_BILLING'));
    assert.ok(admin.has('CHECK_BILLING') && admin.has('RUN_REPORT') && !admin.has('PLACE_ORDER'));
    assert.ok(pharmacist.has('VERIFY_ORDER'));
    assert.ok((await types('Physician')).has('SIGN_NOTE'));
  });

  test('metadata is one-key JSON without commas, as in the seed sample', async () => {
    assert.equal(
      await scalar(db, "SELECT count(*) FROM e WHERE metadata LIKE '%,%' OR NOT json_valid(metadata)"),
      0,
    );
    assert.ok(
      (await scalar(
        db,
        "SELECT count(*) FROM e WHERE event_type = 'LOGIN' AND metadata LIKE '{\"ip_address\": %'",
      )) > 0,
    );
  });

  test('events fall in the last days of the period, weekdays busier than weekends', async () => {
    const last = await scalar(
      db,
      "SELECT max(event_timestamp)::DATE = DATE '2025-03-31' OR max(event_timestamp)::DATE = DATE '2025-04-01' FROM e",
    );
    assert.equal(last, 1);
    const weekendShare = await scalar(db, 'SELECT avg((dayofweek(event_timestamp) IN (0, 6))::INT) FROM e');
    assert.ok(weekendShare < 2 / 7, `weekend share ${weekendShare}`);
  });
});
