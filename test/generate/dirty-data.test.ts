import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { FaultRecord } from '../../src/generate/dirty/fault-record.js';
import { generateSample } from './support/generate-sample.js';
import { openSample, scalar } from './support/open-sample.js';
import { readLandingCsv } from './support/read-landing-csv.js';

const RATE = 0.04;
const clean = await generateSample({ format: 'csv' });
const dirty = await generateSample({ format: 'csv', dirtyRate: RATE });
const sidecar = JSON.parse(readFileSync(join(dirty.dir, '_injected_faults.json'), 'utf8')) as {
  seed: number;
  rate: number;
  format: string;
  total: number;
  faults: FaultRecord[];
  summary: Record<string, { rows: number; faults: Record<string, number> }>;
};
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ADDED = new Set(['duplicate_row', 'redelivered_encounter']);

// A real calendar date/time in the landing format (2025-02-30 is not one).
function isValidTime(value: string): boolean {
  if (!TIMESTAMP.test(value) && !DATE.test(value)) return false;
  const iso = value.length === 10 ? `${value}T00:00:00Z` : `${value.replace(' ', 'T')}Z`;
  const ms = Date.parse(iso);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 19) === iso.slice(0, 19);
}

describe('--dirty injects the faults a real feed has, and the sidecar lists each one', () => {
  test('the sidecar records the run, and every fault kind occurs', () => {
    assert.equal(sidecar.seed, 42);
    assert.equal(sidecar.rate, RATE);
    assert.equal(sidecar.faults.length, sidecar.total);
    assert.equal(dirty.result.faults, sidecar.total);
    const kinds = new Set(sidecar.faults.map((f) => f.kind));
    assert.deepEqual([...kinds].sort(), [
      'duplicate_row',
      'malformed_timestamp',
      'missing_required_field',
      'negative_los',
      'out_of_order_event',
      'redelivered_encounter',
      'unknown_clinician',
      'wrong_field_count',
    ]);
    const total = Object.values(sidecar.summary).reduce((n, d) => n + d.rows, 0);
    assert.ok(
      sidecar.total > total * RATE * 0.8 && sidecar.total < total * RATE * 1.2,
      `${sidecar.total} faults`,
    );
  });

  for (const dataset of ['admissions', 'claims', 'staffing', 'emr_events']) {
    test(`${dataset}: the dirty file is the clean file plus exactly the listed faults`, () => {
      const faults = sidecar.faults.filter((f) => f.dataset === dataset);
      const { header, rows } = readLandingCsv(dirty.dir, `${dataset}.csv`);
      const cleanRows = readLandingCsv(clean.dir, `${dataset}.csv`).rows;
      assert.equal(rows.length, sidecar.summary[dataset]!.rows);
      const col = (name: string) => header.indexOf(name);

      for (const f of faults) {
        const row = rows[f.row]!;
        const message = JSON.stringify(f);
        switch (f.kind) {
          case 'duplicate_row':
            assert.deepEqual(row, rows[f.ofRow!], message);
            break;
          case 'redelivered_encounter': {
            const original = rows[f.ofRow!]!;
            assert.equal(row[0], f.key, message);
            assert.equal(original[0], f.key, message);
            assert.ok(f.row > f.ofRow!, message);
            header.forEach((name, i) => {
              if (f.changed!.includes(name)) assert.notEqual(row[i], original[i], `${message} ${name}`);
              else assert.equal(row[i], original[i], `${message} ${name}`);
            });
            break;
          }
          case 'negative_los':
            assert.ok(row[col('discharge_dt')]! < row[col('admit_dt')]!, message);
            assert.ok(Number(row[col('los')]) < 0, message);
            break;
          case 'malformed_timestamp': {
            const value = row[col(f.field!)]!;
            assert.equal(value, f.value, message);
            assert.ok(!isValidTime(value), message);
            break;
          }
          case 'missing_required_field':
            assert.equal(row[col(f.field!)], '', message);
            break;
          case 'unknown_clinician':
            assert.ok(Number(row[col('clinician_id')]) >= 900_000, message);
            break;
          case 'out_of_order_event': {
            const earlier = rows.slice(0, f.row).filter((r) => r.length === header.length);
            assert.ok(
              earlier.some((r) => r[0]! > f.key),
              message,
            );
            break;
          }
          case 'wrong_field_count':
            assert.equal(row.length, f.fieldCount, message);
            assert.notEqual(row.length, header.length, message);
            break;
        }
      }

      // Remove what was added or moved; every other row must be the clean row, changed only
      // where a fault says so.
      const added = new Set(faults.filter((f) => ADDED.has(f.kind)).map((f) => f.row));
      const moved = faults.filter((f) => f.kind === 'out_of_order_event');
      const movedRows = new Set(moved.map((f) => f.row));
      const movedKeys = new Set(moved.map((f) => f.key));
      const inPlace = new Set(
        faults.filter((f) => !ADDED.has(f.kind) && f.kind !== 'out_of_order_event').map((f) => f.row),
      );
      const kept = rows.map((r, i) => ({ r, i })).filter(({ i }) => !added.has(i) && !movedRows.has(i));
      const expected = cleanRows.filter((r) => !movedKeys.has(r[0]!));
      assert.equal(kept.length, expected.length);
      kept.forEach(({ r, i }, k) => {
        if (inPlace.has(i)) assert.notDeepEqual(r, expected[k], `row ${i}`);
        else assert.deepEqual(r, expected[k], `row ${i}`);
      });
      for (const f of moved)
        assert.deepEqual(
          rows[f.row],
          cleanRows.find((r) => r[0] === f.key),
        );
    });
  }

  test('scanning the data finds exactly the faults the sidecar lists', () => {
    const count = (dataset: string, kind: string) =>
      sidecar.faults.filter((f) => f.dataset === dataset && f.kind === kind).length;
    const admissions = readLandingCsv(dirty.dir, 'admissions.csv');
    const events = readLandingCsv(dirty.dir, 'emr_events.csv');
    const roster = new Set(readLandingCsv(dirty.dir, 'clinicians.csv').rows.map((r) => r[0]));
    const wellFormed = (d: { header: string[]; rows: string[][] }) =>
      d.rows.filter((r) => r.length === d.header.length);
    assert.equal(
      wellFormed(admissions).filter((r) => Number(r[5]) < 0).length,
      count('admissions', 'negative_los'),
    );
    assert.equal(
      wellFormed(events).filter((r) => r[1] !== '' && !roster.has(r[1])).length,
      count('emr_events', 'unknown_clinician'),
    );
    for (const name of ['admissions', 'claims', 'staffing', 'emr_events']) {
      const d = readLandingCsv(dirty.dir, `${name}.csv`);
      assert.equal(d.rows.length - wellFormed(d).length, count(name, 'wrong_field_count'), name);
      const ids = d.rows.map((r) => r[0]).filter((id) => id !== '');
      const repeats = ids.length - new Set(ids).size;
      assert.equal(repeats, count(name, 'duplicate_row') + count(name, 'redelivered_encounter'), name);
    }
  });

  test('Parquet: typed columns, so no wrong field counts and malformed times are implausible instants', async () => {
    const sample = await generateSample({ dirtyRate: RATE });
    const faults = (
      JSON.parse(readFileSync(join(sample.dir, '_injected_faults.json'), 'utf8')) as { faults: FaultRecord[] }
    ).faults;
    assert.ok(!faults.some((f) => f.kind === 'wrong_field_count'));
    const malformed = faults.filter((f) => f.kind === 'malformed_timestamp');
    assert.ok(malformed.length > 0);
    for (const f of malformed) assert.match(f.value!, /^(1970-01-01|2099-12-31)/);
    const db = await openSample(sample.dir, 'parquet');
    const implausible = await scalar(
      db,
      "SELECT count(*) FROM e WHERE event_timestamp < TIMESTAMPTZ '2000-01-01' OR event_timestamp > TIMESTAMPTZ '2090-01-01'",
    );
    assert.equal(implausible, malformed.filter((f) => f.dataset === 'emr_events').length);
    assert.equal(
      await scalar(
        db,
        'SELECT count(*) FROM e ANTI JOIN cl USING (clinician_id) WHERE clinician_id IS NOT NULL',
      ),
      faults.filter((f) => f.kind === 'unknown_clinician').length,
    );
  });
});
