import assert from 'node:assert/strict';
import { engineTest } from '../helpers/engine-test.js';
import { makePipelineLake, queryLake } from '../helpers/pipeline-lake.js';

const HEADER = 'event_id,clinician_id,event_timestamp,event_type,patient_id,metadata\n';
const events = (rows: string[]) => HEADER + rows.join('\n') + '\n';
// Every case runs on both engines: DuckDB and Spark (Spark Connect) give the same sessions.
const SESSIONS = `SELECT clinician_id, session_id, event_count, event_types_in_session, split_cause, session_threshold_minutes
  FROM clinician_emr_sessions ORDER BY clinician_id, session_start_time`;

engineTest(
  'a gap equal to the threshold continues; one microsecond more starts a new session',
  async (run) => {
    const lake = await makePipelineLake({
      'clinicians.csv':
        'clinician_id,clinician_name,clinician_role,session_inactivity_minutes\n1,A,Nurse,30\n',
      'emr_events.csv': events([
        'E1,1,2025-01-01 08:00:00,LOGIN,,{}',
        'E2,1,2025-01-01 08:30:00,OPEN_CHART,P1,{}',
        'E3,1,2025-01-01 09:00:00.000001,ADD_NOTE,P1,{}',
        'E4,1,2025-01-01T09:30:00.000001Z,LOGOUT,,{}',
      ]),
    });
    await run(lake);
    const rows = await queryLake(lake, SESSIONS);
    assert.deepEqual(
      rows.map((r) => [r.session_id, r.event_count, r.split_cause]),
      [
        ['1_S1', 2, 'first'],
        ['1_S2', 2, 'inactivity'],
      ],
    );
  },
);

engineTest('equal timestamps are ordered by event_id, whatever the input order', async (run) => {
  const rows = [
    'E2,1,2025-01-01 08:00:00,B,,{}',
    'E1,1,2025-01-01 08:00:00,A,,{}',
    'E3,1,2025-01-01 08:00:00,C,,{}',
  ];
  const results: unknown[] = [];
  for (const order of [rows, [...rows].reverse()]) {
    const lake = await makePipelineLake({
      'clinicians.csv':
        'clinician_id,clinician_name,clinician_role,session_inactivity_minutes\n1,A,Nurse,20\n',
      'emr_events.csv': events(order),
    });
    await run(lake);
    results.push(await queryLake(lake, SESSIONS));
  }
  assert.deepEqual(results[0], results[1]);
  assert.deepEqual((results[0] as { event_types_in_session: string[] }[])[0]!.event_types_in_session, [
    'A',
    'B',
    'C',
  ]);
});

engineTest(
  'thresholds: the clinician’s own, else the role default, else quarantined as no_threshold',
  async (run) => {
    const lake = await makePipelineLake({
      'roles.csv': 'clinician_role,default_inactivity_minutes\nNurse,20\nAdmin,45\n',
      'clinicians.csv':
        'clinician_id,clinician_name,clinician_role,session_inactivity_minutes\n1,Own,Nurse,5\n2,Default,Admin,\n3,None,Janitor,\n',
      'emr_events.csv': events([
        'E1,1,2025-01-01 08:00:00,A,,{}',
        'E2,1,2025-01-01 08:10:00,B,,{}',
        'E3,2,2025-01-01 08:00:00,A,,{}',
        'E4,2,2025-01-01 08:40:00,B,,{}',
        'E5,3,2025-01-01 08:00:00,A,,{}',
      ]),
    });
    await run(lake);
    const rows = await queryLake(lake, SESSIONS);
    assert.deepEqual(
      rows.map((r) => [r.session_id, r.session_threshold_minutes]),
      [
        ['1_S1', 5],
        ['1_S2', 5],
        ['2_S1', 45],
      ],
    );
    const quarantined = await queryLake(
      lake,
      "SELECT _reject_reason, _raw FROM lh_silver.dbo.quarantine WHERE _source_table = 'emr_events'",
    );
    assert.equal(quarantined.length, 1);
    assert.equal(quarantined[0]!._reject_reason, 'no_threshold');
    assert.match(String(quarantined[0]!._raw), /"event_id":"E5"/);
  },
);

engineTest(
  'naive timestamps are read in the lake’s source time zone, so sessions across a DST change are right',
  async (run) => {
    // 2025-03-09: New York springs forward at 02:00. 01:50 → 03:10 local is 20 real minutes.
    const files = {
      'clinicians.csv':
        'clinician_id,clinician_name,clinician_role,session_inactivity_minutes\n1,A,Nurse,30\n',
      'emr_events.csv': events([
        'E1,1,2025-03-09 01:50:00,A,,{}',
        'E2,1,2025-03-09 03:10:00,B,,{}',
        'E3,1,2025-03-09T07:30:00Z,C,,{}',
      ]),
    };
    const ny = await makePipelineLake(files, { sourceTimeZone: 'America/New_York' });
    await run(ny);
    const rows = await queryLake(
      ny,
      'SELECT session_id, event_count, session_start_time, session_date FROM clinician_emr_sessions ORDER BY 1',
    );
    assert.deepEqual(rows, [
      {
        session_id: '1_S1',
        event_count: 3,
        session_start_time: '2025-03-09T06:50:00Z',
        session_date: '2025-03-09',
      },
    ]);
    const utc = await makePipelineLake(files);
    await run(utc);
    assert.equal((await queryLake(utc, 'SELECT count(*) AS n FROM clinician_emr_sessions'))[0]!.n, 3);
  },
);

engineTest('maxSessionMinutes cuts a session before the event that would make it too long', async (run) => {
  const rows = Array.from(
    { length: 13 },
    (_, i) =>
      `E${String(i).padStart(2, '0')},1,2025-01-01 ${String(8 + Math.floor((i * 10) / 60)).padStart(2, '0')}:${String((i * 10) % 60).padStart(2, '0')}:00,T${i},,{}`,
  );
  const lake = await makePipelineLake(
    {
      'clinicians.csv':
        'clinician_id,clinician_name,clinician_role,session_inactivity_minutes\n1,A,Nurse,30\n',
      'emr_events.csv': events(rows),
    },
    { maxSessionMinutes: 60 },
  );
  await run(lake);
  const sessions = await queryLake(
    lake,
    'SELECT session_id, event_count, session_duration_seconds, split_cause FROM clinician_emr_sessions ORDER BY session_start_time',
  );
  // Events every 10 minutes for 2 hours: 08:00–09:00 (7 events, exactly 60 minutes is allowed), 09:10–10:00.
  assert.deepEqual(sessions, [
    { session_id: '1_S1', event_count: 7, session_duration_seconds: 3600, split_cause: 'first' },
    { session_id: '1_S2', event_count: 6, session_duration_seconds: 3000, split_cause: 'max_duration' },
  ]);
});

engineTest('extra columns: a stable session_key, distinct patients, session date', async (run) => {
  const lake = await makePipelineLake({
    'clinicians.csv': 'clinician_id,clinician_name,clinician_role,session_inactivity_minutes\n7,A,Nurse,30\n',
    'emr_events.csv': events([
      'A1,7,2025-01-01 23:50:00,X,P1,{}',
      'A2,7,2025-01-02 00:05:00,Y,P1,{}',
      'A3,7,2025-01-02 00:06:00,Z,P2,{}',
      'A4,7,2025-01-02 00:07:00,Z,,{}',
    ]),
  });
  await run(lake);
  const first = await queryLake(
    lake,
    'SELECT session_key, patient_count, session_date FROM clinician_emr_sessions',
  );
  assert.equal(first.length, 1);
  assert.equal(first[0]!.patient_count, 2);
  assert.equal(first[0]!.session_date, '2025-01-01');
  assert.match(String(first[0]!.session_key), /^[0-9a-f]{32}$/);
  await run(lake, '--full-refresh');
  assert.deepEqual(
    await queryLake(lake, 'SELECT session_key, patient_count, session_date FROM clinician_emr_sessions'),
    first,
  );
  const summary = await queryLake(lake, 'SELECT * FROM gold_clinician_session_summary');
  assert.deepEqual(summary, [
    {
      clinician_role: 'Nurse',
      session_date: '2025-01-01',
      sessions: 1,
      clinicians: 1,
      mean_duration_min: 17,
      median_duration_min: 17,
      p90_duration_min: 17,
      events_per_session: 4,
    },
  ]);
});
