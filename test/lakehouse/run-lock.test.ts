import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { normalizeWaitFlag, parseWait } from '../../src/cli/parse-wait.js';
import { judgeLockHolder } from '../../src/lakehouse/run-lock/judge-lock-holder.js';
import {
  describeLockHolder,
  type LockHolder,
  parseLockHolder,
} from '../../src/lakehouse/run-lock/lock-holder.js';
import { lockPath } from '../../src/lakehouse/run-lock/lock-path.js';
import { makeGeneratedLake } from '../helpers/generated-lake.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { spawnNode } from '../helpers/spawn-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const holder: LockHolder = {
  pid: 4242,
  host: 'ward-7',
  startedAt: '2026-12-06T03:00:00.000Z',
  command: 'carelake run all',
  token: 'abc',
};

test('lock holders: parsed strictly, described with who, what and since when', () => {
  assert.deepEqual(parseLockHolder(JSON.stringify(holder)), holder);
  assert.equal(parseLockHolder(''), undefined);
  assert.equal(parseLockHolder('{"pid":"7"}'), undefined);
  assert.equal(parseLockHolder('[1]'), undefined);
  assert.equal(
    describeLockHolder(holder, new Date('2026-12-06T03:05:00Z')),
    'pid 4242 on host ward-7 ("carelake run all") since 2026-12-06T03:00:00.000Z (5 min ago)',
  );
});

test('lock verdicts: a dead holder on this host may be taken over; another host or an unreadable lock never', () => {
  assert.equal(judgeLockHolder(holder, 'ward-7', true), 'live');
  assert.equal(judgeLockHolder(holder, 'ward-7', false), 'dead');
  assert.equal(judgeLockHolder(holder, 'ward-8', false), 'foreign');
  assert.equal(judgeLockHolder(undefined, 'ward-7', false), 'foreign');
});

test('--wait durations', () => {
  assert.equal(parseWait(undefined), 0);
  assert.equal(parseWait(''), Number.POSITIVE_INFINITY);
  assert.equal(parseWait('90'), 90_000);
  assert.equal(parseWait('500ms'), 500);
  assert.equal(parseWait('5m'), 300_000);
  assert.equal(parseWait('2h'), 7_200_000);
  assert.throws(() => parseWait('soon'), /--wait: "soon" is not a duration/);
  assert.deepEqual(normalizeWaitFlag(['all', '--wait', '--wait=5s']), ['all', '--wait=', '--wait=5s']);
});

async function emptyLake(): Promise<string> {
  const lake = join(tempDir('lock-'), 'lake');
  assert.equal((await runCliCaptured(['init', '--lake', lake])).code, 0);
  return lake;
}

test('a lock held by a live process: acquiring fails at once naming it; --wait gives up at its bound, or gets it on release', async () => {
  const lake = await emptyLake();
  const gate = join(lake, 'gate');
  const h = spawnNode('test/fixtures/lock-holder.js', ['hold', lake, gate]);
  await h.waitFor(/"held"/);
  const pid = h.child.pid!;

  const refused = spawnNode('src/cli/main.js', ['run', 'all', '--lake', lake]);
  assert.equal((await refused.done).code, 2);
  assert.match(
    refused.stderr(),
    new RegExp(
      `lake .* is busy: another run holds its lock, pid ${pid} on host ${hostname()} \\("test hold"\\) since \\S+Z`,
    ),
  );
  const bounded = spawnNode('src/cli/main.js', ['run', 'all', '--lake', lake, '--wait=300ms']);
  assert.equal((await bounded.done).code, 2);
  assert.match(bounded.stderr(), /waiting for the lake lock, held by pid/);
  assert.match(bounded.stderr(), /is busy/);
  assert.ok(existsSync(lockPath(lake)), 'a refused run leaves the holder its lock');

  const queued = spawnNode('src/cli/main.js', ['run', 'all', '--lake', lake, '--wait']);
  await queued.waitFor(/waiting for the lake lock/);
  writeFileSync(gate, '');
  assert.equal((await h.done).code, 0);
  const q = await queued.done;
  assert.equal(q.code, 0, queued.stderr());
  assert.match(queued.stdout(), /Tables:/);
  assert.equal(existsSync(lockPath(lake)), false, 'released at the end of the run');
});

test('a lock left by a SIGKILLed process is taken over with a warning', async () => {
  const lake = await emptyLake();
  const h = spawnNode('test/fixtures/lock-holder.js', ['hold-forever', lake]);
  await h.waitFor(/"held"/);
  const pid = h.child.pid!;
  h.child.kill('SIGKILL');
  await h.done;
  assert.ok(existsSync(lockPath(lake)), 'the killed holder could not release it');
  const r = await runCliCaptured(['run', 'all', '--lake', lake]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(
    r.stderr,
    new RegExp(`took over the lake lock of pid ${pid} on host .* that process no longer runs`),
  );
  assert.equal(existsSync(lockPath(lake)), false);
});

test('a lock from another host is never broken silently: run and unlock refuse, unlock --force removes it', async () => {
  const lake = await emptyLake();
  const foreign = { ...holder, host: `${hostname()}-elsewhere`, pid: process.pid };
  writeFileSync(lockPath(lake), JSON.stringify(foreign));
  const run = await runCliCaptured(['run', 'all', '--lake', lake]);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /a run on another host holds its lock, pid \d+ on host \S+-elsewhere/);
  assert.match(run.stderr, /carelake unlock --force --lake/);
  const unlock = await runCliCaptured(['unlock', '--lake', lake]);
  assert.equal(unlock.code, 2);
  assert.match(unlock.stderr, /cannot be checked from this host/);
  assert.ok(existsSync(lockPath(lake)));
  const forced = await runCliCaptured(['unlock', '--force', '--lake', lake]);
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(forced.stdout, /removed the lake lock held by pid/);
  assert.equal(existsSync(lockPath(lake)), false);
  assert.match((await runCliCaptured(['unlock', '--lake', lake])).stdout, /is not locked/);
});

test('unlock: a live holder is not removed without --force; an unreadable lock needs --force', async () => {
  const lake = await emptyLake();
  writeFileSync(lockPath(lake), JSON.stringify({ ...holder, host: hostname(), pid: process.pid }));
  const live = await runCliCaptured(['unlock', '--lake', lake]);
  assert.equal(live.code, 2);
  assert.match(live.stderr, new RegExp(`held by a running process, pid ${process.pid}.*kill ${process.pid}`));
  writeFileSync(lockPath(lake), 'not json');
  const run = await runCliCaptured(['run', 'all', '--lake', lake]);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /which carelake cannot read/);
  assert.equal((await runCliCaptured(['unlock', '--force', '--lake', lake])).code, 0);
});

test('SIGTERM and SIGINT stop a run and release its lock', async () => {
  for (const [signal, exit] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    const lake = await makeGeneratedLake();
    const gate = join(lake, 'gate');
    // A holder makes the run wait inside the locked section; the run then holds the lock itself.
    const h = spawnNode('test/fixtures/lock-holder.js', ['hold', lake, gate]);
    await h.waitFor(/"held"/);
    const run = spawnNode('src/cli/main.js', ['run', 'all', '--lake', lake, '--wait']);
    await run.waitFor(/waiting for the lake lock/);
    writeFileSync(gate, '');
    await h.done;
    // Wait until the run holds it, then stop it.
    let held = false;
    for (let i = 0; i < 2000 && !held; i++) {
      const text = existsSync(lockPath(lake)) ? readFileSync(lockPath(lake), 'utf8') : '';
      held = parseLockHolder(text)?.pid === run.child.pid;
      if (!held) await new Promise((r) => setTimeout(r, 5));
    }
    assert.ok(held, `the run never held the lock: ${run.stderr()}`);
    run.child.kill(signal);
    const end = await run.done;
    // Either the handler ran (exit 130/143) or the run had just finished (exit 0): never a lock left.
    assert.ok(end.code === exit || end.code === 0, `${signal}: exit ${end.code} ${run.stderr()}`);
    if (end.code === exit)
      assert.match(run.stderr(), new RegExp(`stopped by ${signal}; the lake lock is released`));
    assert.equal(existsSync(lockPath(lake)), false, `${signal} left the lock`);
  }
});

test('six processes contending, starting from a dead lock: critical sections never overlap, one takeover', async () => {
  const lake = await emptyLake();
  const dead = spawnNode('test/fixtures/lock-holder.js', ['hold-forever', lake]);
  await dead.waitFor(/"held"/);
  dead.child.kill('SIGKILL');
  await dead.done;
  const log = join(lake, 'critical.log');
  const procs = Array.from({ length: 6 }, () =>
    spawnNode('test/fixtures/lock-holder.js', ['critical', lake, log, '5']),
  );
  const ends = await Promise.all(procs.map((p) => p.done));
  for (const [i, e] of ends.entries()) assert.equal(e.code, 0, procs[i]!.stderr());
  const lines = readFileSync(log, 'utf8').trim().split('\n');
  assert.equal(lines.length, 6 * 5 * 2);
  for (let i = 0; i < lines.length; i += 2) {
    const [enter, leave] = [lines[i]!, lines[i + 1]!];
    assert.match(enter, /^in \d+$/);
    assert.equal(leave, enter.replace('in', 'out'), `overlap at line ${i}: ${enter} then ${leave}`);
  }
  const takeovers = procs.map((p) => p.stderr().match(/took over/g)?.length ?? 0).reduce((a, b) => a + b, 0);
  assert.equal(takeovers, 1, 'exactly one process took over the dead lock');
  assert.equal(existsSync(lockPath(lake)), false);
});
