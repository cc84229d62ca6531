import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { UsageError } from '../../src/errors/usage-error.js';
import { readLake } from '../../src/lakehouse/read-lake.js';
import { prepareCatalogs, type RunContext } from '../../src/pipeline/run-context.js';
import { emptyRunSummary } from '../../src/pipeline/run-summary.js';
import { buildSessions } from '../../src/pipeline/sessions/build-sessions.js';
import { eventsPerGroup } from '../../src/pipeline/sessions/events-per-group.js';
import { planBucketGroups } from '../../src/pipeline/sessions/plan-bucket-groups.js';
import { openTestEngine } from '../helpers/open-test-engine.js';
import { makePipelineLake, queryLake, runPipeline, SEED_FIXTURES } from '../helpers/pipeline-lake.js';

const seed = (name: string) => readFileSync(join(SEED_FIXTURES, name), 'utf8');
const ALL_SESSIONS = 'SELECT * FROM clinician_emr_sessions ORDER BY session_id';

test('bucket groups: first fit, largest first, whole buckets, deterministic order', () => {
  assert.deepEqual(
    planBucketGroups(
      new Map([
        [0, 6],
        [1, 5],
        [2, 4],
      ]),
      10,
    ),
    [[0, 2], [1]],
  );
  assert.deepEqual(
    planBucketGroups(
      new Map([
        [3, 50],
        [4, 1],
      ]),
      10,
    ),
    [[3], [4]],
    'an oversized bucket stands alone',
  );
  assert.deepEqual(
    planBucketGroups(
      new Map([
        [5, 0],
        [6, 0],
      ]),
      10,
    ),
    [[5, 6]],
    'empty buckets still get replaced',
  );
  const many = new Map(Array.from({ length: 16 }, (_, b) => [b, 1000 + b] as [number, number]));
  const groups = planBucketGroups(many, 4500);
  assert.deepEqual(
    groups.flat().sort((a, b) => a - b),
    [...many.keys()],
    'every bucket exactly once',
  );
  for (const g of groups) assert.ok(g.reduce((n, b) => n + many.get(b)!, 0) <= 4500);
  assert.equal(groups.length, 4);
});

test('events per group follows engine.memoryLimit; a limit that is not a size is refused by name', () => {
  assert.equal(eventsPerGroup('3GB'), 10_000_000);
  assert.equal(eventsPerGroup('3 GiB'), Math.floor((3 * 2 ** 30) / 300));
  assert.equal(eventsPerGroup('600MB'), 2_000_000);
  assert.equal(eventsPerGroup(null), Number.POSITIVE_INFINITY);
  for (const bad of ['lots', '3 parsecs', '-1GB', '0GB', '']) {
    assert.throws(
      () => eventsPerGroup(bad),
      (e: unknown) =>
        e instanceof UsageError && e.message.includes(`"${bad}"`) && e.message.includes('engine.memoryLimit'),
    );
  }
});

test('sessions computed in many small bucket groups equal one group, one replaceWhere commit per group', async () => {
  const lake = await makePipelineLake({
    'clinicians.csv': seed('clinicians.csv'),
    'emr_events.csv': seed('emr_events.csv'),
  });
  await runPipeline(lake);
  const whole = await queryLake(lake, ALL_SESSIONS);
  assert.equal(whole.length, 8);
  const engine = await openTestEngine();
  const ctx: RunContext = {
    engine,
    lake: await readLake(lake),
    batchId: 'groups-test',
    startedAt: new Date(0),
    fullRefresh: true,
    summary: emptyRunSummary(),
    log: () => undefined,
  };
  await prepareCatalogs(ctx);
  // The seed's 26 events sit in a few buckets of 5-10 events: 3 per group puts each bucket alone.
  await buildSessions(ctx, 'all', { eventsPerGroup: 3 });
  const detail = ctx.summary.steps.at(-1)?.detail ?? '';
  const groups = Number(/in (\d+) group/.exec(detail)?.[1]);
  assert.ok(groups > 1, detail);
  assert.deepEqual(await queryLake(lake, ALL_SESSIONS), whole);
});
