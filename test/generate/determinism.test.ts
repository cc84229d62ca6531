import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generateSample } from './support/generate-sample.js';
import { hashFiles } from './support/hash-files.js';

describe('generate is deterministic', () => {
  test('same seed, different chunk sizes and threads (EMR days generated in one or two worker threads or none, admissions and claims written in worker threads or not, MRNs hashed before the worker or in it): byte-identical Parquet landing zone', async () => {
    const a = await generateSample(
      {},
      {
        bufferBytes: 4096,
        emrWorker: true,
        emrFileThread: true,
        emrDayThread: true,
        encounterWorker: true,
        hashBeforeWorker: true,
      },
    );
    const b = await generateSample(
      {},
      { bufferBytes: 8 << 20, emrWorker: false, emrFileThread: false, encounterWorker: false },
    );
    const c = await generateSample(
      {},
      { emrWorker: true, emrDayThread: false, encounterWorker: true, hashBeforeWorker: false },
    );
    const hashes = hashFiles(a.dir);
    assert.deepEqual(Object.keys(hashes), [
      '_generation.json',
      'admissions.parquet',
      'claims.parquet',
      'clinicians.csv',
      'emr_events.parquet',
      'roles.csv',
      'staffing.parquet',
    ]);
    assert.deepEqual(hashFiles(b.dir), hashes);
    assert.deepEqual(hashFiles(c.dir), hashes);
  });

  test('same seed and dirty rate: byte-identical CSV files and fault sidecar, EMR events in a worker thread or not', async () => {
    const options = { format: 'csv' as const, dirtyRate: 0.03 };
    const a = await generateSample(options, { bufferBytes: 4096, emrWorker: false });
    const b = await generateSample(options, { bufferBytes: 1 << 20, emrWorker: true, emrDayThread: true });
    assert.deepEqual(hashFiles(b.dir), hashFiles(a.dir));
    assert.ok(a.result.faults > 0);
  });

  test('different seeds give different data in every simulated dataset', async () => {
    const a = hashFiles((await generateSample({ seed: 1, format: 'csv' })).dir);
    const b = hashFiles((await generateSample({ seed: 2, format: 'csv' })).dir);
    for (const name of ['admissions.csv', 'claims.csv', 'staffing.csv', 'emr_events.csv', 'clinicians.csv']) {
      assert.notEqual(a[name], b[name], name);
    }
  });

  test('datasets draw from separate streams: changing the event count leaves admissions and claims alone', async () => {
    const a = hashFiles((await generateSample({ format: 'csv' })).dir);
    const b = hashFiles((await generateSample({ format: 'csv', counts: { events: 5_000 } })).dir);
    assert.equal(b['admissions.csv'], a['admissions.csv']);
    assert.equal(b['claims.csv'], a['claims.csv']);
    assert.equal(b['staffing.csv'], a['staffing.csv']);
    assert.notEqual(b['emr_events.csv'], a['emr_events.csv']);
  });
});
