import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { catalogFingerprint } from '../../src/generate/population/catalog-fingerprint.js';
import { buildDrgCatalog } from '../../src/generate/population/drg-catalog.js';
import {
  knownPilotEstimate,
  PILOT_ESTIMATE_FILE,
} from '../../src/generate/population/known-pilot-estimate.js';
import { pilotEstimate } from '../../src/generate/population/pilot-estimate.js';
import { readDrgTable } from '../../src/generate/reference/drg-table.js';

const shipped = buildDrgCatalog(readDrgTable());
const dir = mkdtempSync(join(tmpdir(), 'carelake-pilot-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('pilot estimate', () => {
  test('the stored estimate is exactly what the pilot computes for the shipped DRG table', () => {
    const stored = JSON.parse(readFileSync(PILOT_ESTIMATE_FILE, 'utf8'));
    const fresh = pilotEstimate(shipped);
    const hint = 'stale: run `npm run build && node scripts/write-pilot-estimate.mjs`';
    assert.equal(stored.catalog, catalogFingerprint(shipped), hint);
    assert.deepEqual({ meanStayDays: stored.meanStayDays, unitShare: stored.unitShare }, fresh, hint);
    assert.deepEqual(knownPilotEstimate(shipped), fresh);
  });

  test('another DRG table, or a missing or broken file, gets its estimate computed', () => {
    const table = readDrgTable().map((row, i) => (i === 0 ? { ...row, gmlosDays: row.gmlosDays * 3 } : row));
    const changed = buildDrgCatalog(table);
    assert.notEqual(catalogFingerprint(changed), catalogFingerprint(shipped));
    const estimate = knownPilotEstimate(changed);
    assert.deepEqual(estimate, pilotEstimate(changed));
    assert.notDeepEqual(estimate, knownPilotEstimate(shipped));

    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"catalog": 1');
    assert.deepEqual(knownPilotEstimate(shipped, broken), pilotEstimate(shipped));
    assert.deepEqual(knownPilotEstimate(shipped, join(dir, 'missing.json')), pilotEstimate(shipped));
    // A file for the right catalog but with other values is taken as is: the fingerprint decides.
    const other = join(dir, 'other.json');
    const fake = { catalog: catalogFingerprint(shipped), meanStayDays: 9, unitShare: [1, 0, 0, 0, 0, 0] };
    writeFileSync(other, JSON.stringify(fake));
    assert.deepEqual(knownPilotEstimate(shipped, other), { meanStayDays: 9, unitShare: fake.unitShare });
  });
});
