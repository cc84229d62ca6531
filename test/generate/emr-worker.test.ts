import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { EmrJob } from '../../src/generate/emr/emr-job.js';
import { EmrWorkerClient } from '../../src/generate/emr/emr-worker-client.js';
import { Census } from '../../src/generate/population/census.js';
import { tempDir } from '../helpers/temp-dir.js';

const END = Date.UTC(2025, 3, 1) / 1000;
const job = (dir: string): EmrJob => ({
  seed: 1,
  clinicians: 5,
  events: 100,
  roleMinutes: {},
  unitShare: [0.1, 0.2, 0.2, 0.4, 0.05, 0.05],
  periodStart: END - 86_400,
  periodDays: 1,
  dir,
  output: { seed: 1, format: 'csv', rate: 0 },
});

describe('the EMR worker thread', () => {
  test('writes the events it is fed and reports them', async () => {
    const client = new EmrWorkerClient(job(tempDir('emr-worker-')), 6);
    await client.day(0, END - 86_400, new Census(6));
    const result = await client.finish();
    assert.equal(result.rows, 100);
    assert.ok(result.sessions > 0);
  });

  test('a failing worker rejects the caller instead of hanging it', async () => {
    const client = new EmrWorkerClient(job(join(tempDir('emr-worker-'), 'missing', 'dir')), 6);
    await assert.rejects(async () => {
      for (let i = 0; i < 10; i++) await client.day(0, END - 86_400, new Census(6));
      await client.finish();
    });
    await client.abort();
  });
});
