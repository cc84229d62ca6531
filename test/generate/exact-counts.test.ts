import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generateSample } from './support/generate-sample.js';
import { readLandingCsv } from './support/read-landing-csv.js';

describe('any counts are honoured exactly', () => {
  test('odd sizes: fewer claims than encounters, a partial staffing day, one clinician', async () => {
    const { dir, result } = await generateSample({
      format: 'csv',
      counts: { admissions: 777, claims: 123, staffing: 19, clinicians: 1, events: 3 },
    });
    const rows = (name: string) => readLandingCsv(dir, name).rows.length;
    assert.equal(rows('admissions.csv'), 777);
    assert.equal(rows('claims.csv'), 123);
    assert.equal(rows('staffing.csv'), 19);
    assert.equal(rows('clinicians.csv'), 1);
    assert.equal(rows('emr_events.csv'), 3);
    assert.deepEqual(result.manifest.rows, {
      clinicians: 1,
      roles: 6,
      admissions: 777,
      claims: 123,
      staffing: 19,
      emr_events: 3,
    });
    const staffing = readLandingCsv(dir, 'staffing.csv').rows;
    assert.equal(staffing.at(-1)![3], '2025-03-31', 'staffing ends on the last day of the period');
  });

  test('zero claims, staffing and events give header-only files', async () => {
    const { dir } = await generateSample({
      format: 'csv',
      counts: { admissions: 50, claims: 0, staffing: 0, clinicians: 3, events: 0 },
    });
    for (const name of ['claims.csv', 'staffing.csv', 'emr_events.csv']) {
      const { header, rows } = readLandingCsv(dir, name);
      assert.equal(rows.length, 0, name);
      assert.ok(header.length > 5, name);
    }
  });
});
