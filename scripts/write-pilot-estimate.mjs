// Writes data/pilot-estimate.json: the pilot estimate of the shipped DRG table, which runs read
// instead of simulating the pilot (see knownPilotEstimate). Run it after changing the stay model
// or the DRG table; a test fails until the file matches.
//   npm run build && node scripts/write-pilot-estimate.mjs
import { writeFileSync } from 'node:fs';
import { catalogFingerprint } from '../dist/src/generate/population/catalog-fingerprint.js';
import { buildDrgCatalog } from '../dist/src/generate/population/drg-catalog.js';
import { PILOT_ESTIMATE_FILE } from '../dist/src/generate/population/known-pilot-estimate.js';
import { pilotEstimate } from '../dist/src/generate/population/pilot-estimate.js';
import { readDrgTable } from '../dist/src/generate/reference/drg-table.js';

const catalog = buildDrgCatalog(readDrgTable());
const stored = { catalog: catalogFingerprint(catalog), ...pilotEstimate(catalog) };
writeFileSync(PILOT_ESTIMATE_FILE, `${JSON.stringify(stored, null, 2)}\n`);
