import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generateSample } from './support/generate-sample.js';
import { openSample, scalar } from './support/open-sample.js';

// Generated once for the file (top level, so the temp folder and database live until its end).
const sample = await generateSample({
  counts: { admissions: 4_000, claims: 10_000, staffing: 1_800, events: 30_000 },
});
const db = await openSample(sample.dir, 'parquet');

describe('generated datasets refer to each other correctly', () => {
  test('exact row counts as requested', async () => {
    assert.equal(await scalar(db, 'SELECT count(*) FROM a'), 4_000);
    assert.equal(await scalar(db, 'SELECT count(*) FROM c'), 10_000);
    assert.equal(await scalar(db, 'SELECT count(*) FROM s'), 1_800);
    assert.equal(await scalar(db, 'SELECT count(*) FROM e'), 30_000);
    assert.equal(await scalar(db, 'SELECT count(*) FROM cl'), 30);
  });

  test('ids are unique', async () => {
    assert.equal(await scalar(db, 'SELECT count(DISTINCT encounter_id) FROM a'), 4_000);
    assert.equal(await scalar(db, 'SELECT count(DISTINCT claim_id) FROM c'), 10_000);
    assert.equal(await scalar(db, 'SELECT count(DISTINCT staffing_id) FROM s'), 1_800);
    assert.equal(await scalar(db, 'SELECT count(DISTINCT event_id) FROM e'), 30_000);
  });

  test('every claim bills an existing encounter, with its payer, on a day within the stay', async () => {
    const bad = await scalar(
      db,
      `SELECT count(*) FROM c LEFT JOIN a USING (encounter_id)
       WHERE a.encounter_id IS NULL OR c.payer <> a.payer
          OR c.service_dt < a.admit_dt::DATE OR c.service_dt > a.discharge_dt::DATE`,
    );
    assert.equal(bad, 0);
  });

  test('claim amounts are consistent: paid ≤ allowed ≤ billed, denied claims pay nothing', async () => {
    const bad = await scalar(
      db,
      `SELECT count(*) FROM c WHERE NOT (paid_amt <= allowed_amt AND allowed_amt <= billed_amt AND billed_amt > 0)
          OR (denial_reason_code IS NOT NULL AND (paid_amt <> 0 OR allowed_amt <> 0))`,
    );
    assert.equal(bad, 0);
  });

  test('stays are coherent: ED arrival ≤ decision ≤ admit < discharge, los = date difference', async () => {
    const bad = await scalar(
      db,
      `SELECT count(*) FROM a WHERE NOT (admit_dt < discharge_dt
          AND los = date_diff('day', admit_dt::DATE, discharge_dt::DATE) AND los >= 1
          AND (admit_type = 'Emergency') = (ed_arrival_dt IS NOT NULL)
          AND (ed_arrival_dt IS NULL OR (ed_arrival_dt <= ed_decision_dt AND ed_decision_dt <= admit_dt)))`,
    );
    assert.equal(bad, 0);
  });

  test('readmit_flag is exactly "admitted within 30 days of the previous discharge"', async () => {
    const mismatched = await scalar(
      db,
      `SELECT count(*) FROM (SELECT readmit_flag, admit_dt,
          lag(discharge_dt) OVER (PARTITION BY mrn_hash ORDER BY admit_dt) AS prev FROM a)
       WHERE readmit_flag <> (prev IS NOT NULL AND admit_dt - prev <= INTERVAL 30 DAY)`,
    );
    assert.equal(mismatched, 0);
  });

  test('a patient who died never comes back, and nobody is in two beds at once', async () => {
    const afterDeath = await scalar(
      db,
      `SELECT count(*) FROM (SELECT disposition, lead(admit_dt) OVER (PARTITION BY mrn_hash ORDER BY admit_dt) AS next FROM a)
       WHERE disposition = 'Expired' AND next IS NOT NULL`,
    );
    assert.equal(afterDeath, 0);
    const overlapping = await scalar(
      db,
      `SELECT count(*) FROM (SELECT admit_dt, lag(discharge_dt) OVER (PARTITION BY mrn_hash ORDER BY admit_dt) AS prev FROM a)
       WHERE prev > admit_dt`,
    );
    assert.equal(overlapping, 0);
    assert.ok((await scalar(db, "SELECT count(*) FROM a WHERE disposition = 'Expired'")) > 0);
  });

  test('staffing patient_count is the unit census at the start of the shift', async () => {
    const bad = await scalar(
      db,
      `WITH shifts AS (SELECT *, shift_date + INTERVAL (CASE shift WHEN 'Day' THEN 7 WHEN 'Evening' THEN 15 ELSE 23 END) HOUR AS t FROM s)
       SELECT count(*) FROM shifts WHERE patient_count <>
         (SELECT count(*) FROM a WHERE a.unit = shifts.unit AND a.admit_dt <= shifts.t AND a.discharge_dt > shifts.t)`,
    );
    assert.equal(bad, 0);
    assert.equal(
      await scalar(
        db,
        'SELECT count(*) FROM s WHERE abs(ratio - round(patient_count / rn_count, 2)) > 0.001',
      ),
      0,
    );
    assert.equal(
      await scalar(db, "SELECT count(DISTINCT shift) FROM s WHERE shift IN ('Day', 'Evening', 'Night')"),
      3,
    );
  });

  test('every event is by a rostered clinician, about a patient in the hospital at that moment', async () => {
    assert.equal(await scalar(db, 'SELECT count(*) FROM e ANTI JOIN cl USING (clinician_id)'), 0);
    const absent = await scalar(
      db,
      `SELECT count(*) FROM e WHERE patient_id IS NOT NULL AND NOT EXISTS
         (SELECT 1 FROM a WHERE a.mrn_hash = e.patient_id AND a.admit_dt <= e.event_timestamp AND a.discharge_dt >= e.event_timestamp)`,
    );
    assert.equal(absent, 0);
    assert.ok((await scalar(db, 'SELECT count(*) FROM e WHERE patient_id IS NOT NULL')) > 15_000);
  });

  test('events are written in time order, and OPEN_CHART names the encounter it opens', async () => {
    assert.equal(
      await scalar(
        db,
        'SELECT count(*) FROM (SELECT event_timestamp < lag(event_timestamp) OVER (ORDER BY event_id) AS back FROM e) WHERE back',
      ),
      0,
    );
    const wrongChart = await scalar(
      db,
      `SELECT count(*) FROM e JOIN a ON a.encounter_id = 'ENC' || lpad(regexp_extract(e.metadata, 'C(\\d+)', 1), 10, '0')
       WHERE e.event_type = 'OPEN_CHART' AND a.mrn_hash <> e.patient_id`,
    );
    assert.equal(wrongChart, 0);
  });
});
