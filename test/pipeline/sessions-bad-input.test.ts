import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makePipelineLake, queryLake, runPipeline } from '../helpers/pipeline-lake.js';

test('every refused row lands in quarantine with its reason, and counts reconcile per file', async () => {
  const lake = await makePipelineLake({
    'clinicians.csv': [
      'clinician_id,clinician_name,clinician_role,session_inactivity_minutes',
      '1,"Smith, Dr. ""Al""",Physician,30',
      '2,Zero,Nurse,0',
      '3,Text,Nurse,abc',
      'x9,Bad id,Nurse,20',
      '',
    ].join('\n'),
    'emr_events.csv': [
      'event_id,clinician_id,event_timestamp,event_type,patient_id,metadata',
      'E1,1,2025-01-01 08:00:00,LOGIN,,{"ip": "10.0.0.1"}',
      'E1,1,2025-01-01 08:05:00,LOGIN,,{}',
      ',1,2025-01-01 08:06:00,X,,{}',
      'E3,abc,2025-01-01 08:07:00,X,,{}',
      'E4,1,2025-31-01 08:07:00,X,,{}',
      'E5,1,yesterday,X,,{}',
      'E6,1,2025-01-01 08:08:00,X,,{},surplus',
      'E7,1',
      'E8,2,2025-01-01 08:09:00,X,,{}',
      'E9,42,2025-01-01 08:10:00,X,,{}',
      'E10,1,"2025-01-01 08:11:00",SIGN_NOTE,"P,1","{""a"": 1}"',
    ].join('\n'),
  });
  const summary = await runPipeline(lake);
  assert.match(
    summary,
    /clinicians\.csv\s+→ bronze_clinicians\s+4 = 1 \+ 3 ok \(invalid_clinician_id 1, invalid_threshold 2\)/,
  );
  assert.match(summary, /emr_events\.csv\s+→ bronze_emr_events\s+11 = 5 \+ 6 ok/);
  const bronze = await queryLake(
    lake,
    'SELECT _source_table, _reject_reason, count(*) AS n FROM lh_bronze.dbo.quarantine GROUP BY ALL ORDER BY ALL',
  );
  assert.deepEqual(bronze, [
    { _source_table: 'bronze_clinicians', _reject_reason: 'invalid_clinician_id', n: 1 },
    { _source_table: 'bronze_clinicians', _reject_reason: 'invalid_threshold', n: 2 },
    { _source_table: 'bronze_emr_events', _reject_reason: 'invalid_clinician_id', n: 1 },
    { _source_table: 'bronze_emr_events', _reject_reason: 'invalid_timestamp', n: 2 },
    { _source_table: 'bronze_emr_events', _reject_reason: 'malformed_row', n: 2 },
    { _source_table: 'bronze_emr_events', _reject_reason: 'missing_event_id', n: 1 },
  ]);
  const silver = await queryLake(
    lake,
    'SELECT _reject_reason, _reject_detail FROM lh_silver.dbo.quarantine ORDER BY _reject_detail',
  );
  assert.deepEqual(
    silver.map((r) => r._reject_reason),
    ['unknown_clinician', 'unknown_clinician', 'duplicate'],
  );
  assert.match(String(silver[2]!._reject_detail), /event_id "E1" was already loaded/);
  const kept = await queryLake(
    lake,
    'SELECT event_id, metadata, patient_id FROM lh_silver.dbo.emr_events ORDER BY event_timestamp',
  );
  assert.deepEqual(kept, [
    { event_id: 'E1', metadata: '{"ip": "10.0.0.1"}', patient_id: null },
    { event_id: 'E10', metadata: '{"a": 1}', patient_id: 'P,1' },
  ]);
  const clinician = await queryLake(lake, 'SELECT clinician_name FROM clinician_dim');
  assert.deepEqual(clinician, [{ clinician_name: 'Smith, Dr. "Al"' }]);
  const detail = await queryLake(
    lake,
    "SELECT _reject_detail, _source_file FROM lh_bronze.dbo.quarantine WHERE _reject_reason = 'invalid_timestamp' ORDER BY 1",
  );
  assert.deepEqual(detail, [
    {
      _reject_detail: 'event_timestamp "2025-31-01 08:07:00" is not YYYY-MM-DD HH:MM:SS[.ffffff] or ISO 8601',
      _source_file: 'emr_events.csv',
    },
    {
      _reject_detail: 'event_timestamp "yesterday" is not YYYY-MM-DD HH:MM:SS[.ffffff] or ISO 8601',
      _source_file: 'emr_events.csv',
    },
  ]);
});
