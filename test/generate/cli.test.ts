import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { landingDir } from '../../src/lakehouse/lake-layout.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { TEST_SALT } from './support/generate-sample.js';

const SALT = { CARELAKE_HASH_SALT: TEST_SALT };

describe('carelake generate', () => {
  test('without a salt: exit 2, nothing written, and a message that says how to set one', async () => {
    const lake = tempDir('gen-cli-');
    const run = await runCliCaptured(['generate', '--lake', lake, '--scale', 'tiny']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /CARELAKE_HASH_SALT/);
    assert.equal(existsSync(landingDir(lake)), false);
  });

  test('a short salt is refused with exit 2; FABRIC_POC_HASH_SALT is accepted', async () => {
    const lake = tempDir('gen-cli-');
    const short = await runCliCaptured(['generate', '--lake', lake, '--scale', 'tiny'], {
      CARELAKE_HASH_SALT: 'short',
    });
    assert.equal(short.code, 2);
    assert.match(short.stderr, /at least 16/);
    const fabric = await runCliCaptured(['generate', '--lake', lake, '--scale', 'tiny'], {
      FABRIC_POC_HASH_SALT: TEST_SALT,
    });
    assert.equal(fabric.code, 0, fabric.stderr);
  });

  test('bad values are usage errors (exit 2) naming the value and the fix', async () => {
    const lake = tempDir('gen-cli-');
    const cases: [string[], RegExp][] = [
      [['--scale', 'huge'], /"huge" is not a scale; use tiny, small, medium or large/],
      [['--format', 'xml'], /"xml" is not a format; use parquet or csv/],
      [['--dirty', '0.9'], /"0.9" is not a rate from 0 to 0.5/],
      [['--events', 'many'], /--events "many" is not a whole number/],
      [['--seed=-1'], /--seed "-1" is not a whole number/],
      [['--admissions', '0'], /admissions count 0/],
      [['--clinicians', '0'], /need clinicians/],
      [['--rows', '5'], /Unknown option '--rows'/],
      [['extra'], /unexpected argument "extra"/],
    ];
    for (const [args, message] of cases) {
      const run = await runCliCaptured(['generate', '--lake', lake, '--scale', 'tiny', ...args], SALT);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, message, args.join(' '));
    }
  });

  test('--help documents the options and examples', async () => {
    const run = await runCliCaptured(['generate', '--help']);
    assert.equal(run.code, 0);
    for (const word of [
      '--scale',
      '--format',
      '--dirty',
      '--admissions',
      'CARELAKE_HASH_SALT',
      'Examples:',
    ]) {
      assert.ok(run.stdout.includes(word), word);
    }
  });

  test('writes the landing zone of the lake, prints a summary, keeps progress on stderr', async () => {
    const lake = tempDir('gen-cli-');
    const run = await runCliCaptured(
      ['generate', '--lake', lake, '--scale', 'tiny', '--events', '500', '--format', 'csv', '--dirty', '2%'],
      SALT,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(readdirSync(landingDir(lake)).sort(), [
      '_generation.json',
      '_injected_faults.json',
      'admissions.csv',
      'claims.csv',
      'clinicians.csv',
      'emr_events.csv',
      'roles.csv',
      'staffing.csv',
    ]);
    assert.match(run.stdout, /emr_events\.csv\s+\d{3}/);
    assert.match(run.stdout, /carelake init --lake/);
    assert.match(run.stderr, /^generate: simulating hospital\n/);
    assert.ok(!run.stderr.includes('\r'), 'no control characters when not on a terminal');
  });

  test('--staffing auto covers exactly the admissions period, keeping occupancy near 80%', async () => {
    const lake = tempDir('gen-cli-');
    const run = await runCliCaptured(
      ['generate', '--lake', lake, '--admissions', '5000', '--events', '1000', '--staffing', 'auto'],
      SALT,
    );
    assert.equal(run.code, 0, run.stderr);
    const manifest = JSON.parse(readFileSync(join(landingDir(lake), '_generation.json'), 'utf8'));
    assert.equal(manifest.rows.staffing, manifest.hospital.periodDays * 18);
    assert.ok(manifest.hospital.expectedOccupancy > 0.75 && manifest.hospital.expectedOccupancy < 0.85);
    assert.match(run.stdout, /about (7[5-9]|8[0-5])% occupied/);
  });

  test('a second run in the other format replaces the first: no stale files left to ingest', async () => {
    const lake = tempDir('gen-cli-');
    assert.equal(
      (
        await runCliCaptured(
          ['generate', '--lake', lake, '--scale', 'tiny', '--format', 'csv', '--dirty', '0.1'],
          SALT,
        )
      ).code,
      0,
    );
    assert.equal((await runCliCaptured(['init', '--lake', lake])).code, 0);
    const run = await runCliCaptured(['generate', '--lake', lake, '--scale', 'tiny'], SALT);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Next: carelake run all --lake/);
    const names = readdirSync(landingDir(lake)).sort();
    assert.deepEqual(names, [
      '_generation.json',
      'admissions.parquet',
      'claims.parquet',
      'clinicians.csv',
      'emr_events.parquet',
      'roles.csv',
      'staffing.parquet',
    ]);
    assert.equal(existsSync(join(landingDir(lake), '.carelake-generate')), false);
  });
});
