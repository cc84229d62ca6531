import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { configPath, landingDir } from '../../src/lakehouse/lake-layout.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const SALT = { CARELAKE_HASH_SALT: 'generate-beds-test-salt-0123456789' };
const COUNTS = [
  '--admissions',
  '20000',
  '--claims',
  '0',
  '--staffing',
  '0',
  '--events',
  '0',
  '--clinicians',
  '5',
];

test('generate writes the beds of a hospital grown for its admissions back into carelake.json, keeping the rest', async () => {
  const lake = join(tempDir('gen-beds-'), 'lake');
  assert.equal((await runCliCaptured(['init', '--lake', lake])).code, 0);
  const before = JSON.parse(readFileSync(configPath(lake), 'utf8')) as Record<string, unknown>;
  // Six beds cannot hold 20,000 stays in the generator's 20-year horizon, so it plans a bigger hospital.
  writeFileSync(
    configPath(lake),
    JSON.stringify({ ...before, staffedBeds: 6, sourceTimeZone: 'America/Chicago' }),
  );
  const run = await runCliCaptured(['generate', '--lake', lake, ...COUNTS], SALT);
  assert.equal(run.code, 0, run.stderr);
  const manifest = JSON.parse(readFileSync(join(landingDir(lake), '_generation.json'), 'utf8')) as {
    hospital: { staffedBeds: number; unitBeds: Record<string, number> };
  };
  assert.ok(manifest.hospital.staffedBeds > 6);
  const after = JSON.parse(readFileSync(configPath(lake), 'utf8')) as Record<string, unknown>;
  assert.equal(after.staffedBeds, manifest.hospital.staffedBeds);
  assert.deepEqual(after.unitBeds, manifest.hospital.unitBeds);
  assert.equal(after.sourceTimeZone, 'America/Chicago', 'other keys are kept');
  assert.deepEqual(after.ratioLimits, before.ratioLimits);
  assert.match(run.stdout, new RegExp(`staffedBeds 6 → ${manifest.hospital.staffedBeds}`));

  // A run that fits the configured beds leaves the file alone.
  const text = readFileSync(configPath(lake), 'utf8');
  const again = await runCliCaptured(['generate', '--lake', lake, ...COUNTS], SALT);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(readFileSync(configPath(lake), 'utf8'), text);
  assert.doesNotMatch(again.stdout, /staffedBeds \d+ →/);
});
