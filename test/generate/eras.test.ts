import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { planEras } from '../../src/generate/population/era-plan.js';
import { planHospital } from '../../src/generate/population/plan-hospital.js';
import { generateSample } from './support/generate-sample.js';
import { hashFiles } from './support/hash-files.js';
import { openSample, scalar } from './support/open-sample.js';

// A tiny hospital over the longest period: 20 years, so two eras, in a few seconds.
const ERA_RUN = { beds: 10, counts: { admissions: 20_000, claims: 45_000, staffing: 0, events: 0 } };
const encounterFiles = (dir: string) => {
  const h = hashFiles(dir);
  return { admissions: h['admissions.parquet'], claims: h['claims.parquet'] };
};

describe('eras', () => {
  test('planEras shares admissions and claims exactly among eras of about ten years', () => {
    const pilot = { meanStayDays: 4, unitShare: [0.1, 0.15, 0.1, 0.55, 0.04, 0.06] };
    const plan = planHospital(
      { admissions: 1_000_000, staffing: 0, beds: 350, periodEnd: 1_743_465_600 },
      pilot,
    );
    const eras = planEras(plan, { admissions: 1_000_000, claims: 2_500_001 });
    assert.equal(eras.length, 2);
    assert.equal(eras[0]!.firstDay, 0);
    assert.equal(eras.at(-1)!.endDay, plan.periodDays);
    assert.equal(eras.at(-1)!.endSeq, 1_000_000);
    assert.equal(eras.at(-1)!.endClaim, 2_500_001);
    for (let k = 1; k < eras.length; k++) {
      assert.equal(eras[k]!.firstDay, eras[k - 1]!.endDay);
      assert.equal(eras[k]!.firstSeq, eras[k - 1]!.endSeq);
      assert.equal(eras[k]!.firstClaim, eras[k - 1]!.endClaim);
      assert.ok(Math.abs(eras[k]!.endSeq - eras[k]!.firstSeq - 500_000) < 1_000);
    }
  });

  test('eras simulated side by side in threads, one by one, or with the encounter worker: the same bytes', async () => {
    const parallel = await generateSample(ERA_RUN, { eraThreads: 2 });
    const one = await generateSample(ERA_RUN, { eraThreads: 1 });
    const inOrder = await generateSample(ERA_RUN, { eraThreads: 0, encounterWorker: false });
    const worker = await generateSample(ERA_RUN, {
      eraThreads: 0,
      encounterWorker: true,
      hashBeforeWorker: true,
    });
    const expected = encounterFiles(parallel.dir);
    assert.deepEqual(encounterFiles(one.dir), expected);
    assert.deepEqual(encounterFiles(inOrder.dir), expected);
    assert.deepEqual(encounterFiles(worker.dir), expected);
    assert.deepEqual(parallel.result.manifest.truth, inOrder.result.manifest.truth);
    // Staffing and events need each day's census in order (no era threads): admissions and
    // claims stay the same.
    const withEvents = await generateSample({
      ...ERA_RUN,
      counts: { ...ERA_RUN.counts, staffing: 90, events: 5_000 },
    });
    assert.deepEqual(encounterFiles(withEvents.dir), expected);
  });

  test('a run of several eras: unique ids and patients, claims on their encounters, readmissions near 15%', async () => {
    const { dir } = await generateSample(ERA_RUN, { eraThreads: 2 });
    const db = await openSample(dir, 'parquet');
    assert.equal(await scalar(db, 'SELECT count(DISTINCT encounter_id) FROM a'), 20_000);
    assert.equal(await scalar(db, "SELECT count(*) FROM a WHERE encounter_id = 'ENC0000020000'"), 1);
    assert.equal(await scalar(db, 'SELECT count(DISTINCT claim_id) FROM c'), 45_000);
    const orphans = await scalar(db, 'SELECT count(*) FROM c ANTI JOIN a USING (encounter_id)');
    assert.equal(orphans, 0);
    const rate = await scalar(db, 'SELECT avg(readmit_flag::INT) FROM a');
    assert.ok(rate > 0.12 && rate < 0.19, `readmission rate ${rate}`);
  });
});
