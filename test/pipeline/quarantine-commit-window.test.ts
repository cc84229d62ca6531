import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { tableDir } from '../../src/lakehouse/lake-layout.js';
import { makeGeneratedLake } from '../helpers/generated-lake.js';
import { runPipeline } from '../helpers/pipeline-lake.js';
import { readLakeFingerprint } from '../helpers/read-lake-fingerprint.js';

// A full model and its refused rows are two commits. A run killed between them leaves the
// model current and its quarantine behind; the next run must finish the quarantine, not skip
// the model because its inputs are unchanged (concurrent-runs.test.ts hits this window only
// when a SIGKILL happens to land in it; this test puts the lake in that state directly).
test('a model committed without its quarantine is completed by the next run', async () => {
  const lake = await makeGeneratedLake();
  await runPipeline(lake, 'all');
  const reference = await readLakeFingerprint(lake);
  rmSync(tableDir(lake, 'lh_silver', 'quarantine'), { recursive: true, force: true });
  await runPipeline(lake, 'all');
  assert.deepEqual(await readLakeFingerprint(lake), reference);
  // And once complete, a run with nothing new commits nothing to it.
  await runPipeline(lake, 'all');
  assert.deepEqual(await readLakeFingerprint(lake), reference);
});
