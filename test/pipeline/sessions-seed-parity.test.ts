import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { makePipelineLake, queryLake, runPipeline, SEED_FIXTURES } from '../helpers/pipeline-lake.js';
import { runCliCaptured } from '../helpers/run-cli.js';

const seedFile = (name: string) => readFileSync(join(SEED_FIXTURES, name), 'utf8');

test('the seed sample gives exactly the notebook’s 8 sessions', async () => {
  const lake = await makePipelineLake({
    'clinicians.csv': seedFile('clinicians.csv'),
    'emr_events.csv': seedFile('emr_events.csv'),
  });
  await runPipeline(lake);
  const r = await runCliCaptured([
    'sql',
    '--lake',
    lake,
    '--format',
    'csv',
    `SELECT session_id, clinician_id, clinician_role, session_threshold_minutes,
       strftime(session_start_time, '%Y-%m-%d %H:%M:%S') AS session_start_time,
       strftime(session_end_time, '%Y-%m-%d %H:%M:%S') AS session_end_time, event_count,
       array_to_string(event_types_in_session, '|') AS event_types_in_session, session_duration_seconds
     FROM clinician_emr_sessions ORDER BY clinician_id, session_start_time`,
  ]);
  assert.equal(r.stdout.trim(), seedFile('expected_sessions.csv').trim());
});

test('the seed’s own queries run verbatim and give the notebook’s answers', async () => {
  const lake = await makePipelineLake({
    'clinicians.csv': seedFile('clinicians.csv'),
    'emr_events.csv': seedFile('emr_events.csv'),
  });
  await runPipeline(lake);
  const detail = await queryLake(
    lake,
    `SELECT
    session_id,
    clinician_id,
    clinician_role,
    session_threshold_minutes,
    session_start_time,
    session_end_time,
    session_duration_seconds,
    (session_duration_seconds / 60.0) as session_duration_minutes, -- Calculate minutes
    event_count,
    event_types_in_session -- Show the list of events
FROM
    clinician_emr_sessions -- Reference the table directly
ORDER BY
    clinician_id, session_start_time;`,
  );
  assert.equal(detail.length, 8);
  assert.deepEqual(detail[1], {
    session_id: '101_S2',
    clinician_id: 101,
    clinician_role: 'Physician',
    session_threshold_minutes: 30,
    session_start_time: '2025-03-31T08:48:00Z',
    session_end_time: '2025-03-31T09:05:00Z',
    session_duration_seconds: 1020,
    session_duration_minutes: 17,
    event_count: 4,
    event_types_in_session: ['OPEN_CHART', 'VIEW_RESULTS', 'SIGN_NOTE', 'LOGOUT'],
  });
  const byRole = await queryLake(
    lake,
    `SELECT
    clinician_role,
    AVG(session_duration_seconds / 60.0) as avg_session_duration_minutes,
    COUNT(*) as number_of_sessions
FROM
    clinician_emr_sessions
GROUP BY
    clinician_role
ORDER BY
    avg_session_duration_minutes DESC;`,
  );
  assert.deepEqual(byRole, [
    { clinician_role: 'Admin', avg_session_duration_minutes: 20, number_of_sessions: 2 },
    { clinician_role: 'Physician', avg_session_duration_minutes: 13.75, number_of_sessions: 4 },
    { clinician_role: 'Nurse', avg_session_duration_minutes: 12.5, number_of_sessions: 2 },
  ]);
});
